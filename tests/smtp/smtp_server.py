#!/usr/bin/env python3
"""A real SMTP server for the end-to-end tests of `imictl notify send`.

Listens on 127.0.0.1 on a free port (written to --port-file once listening),
optionally with STARTTLS and AUTH, and stores every accepted message as
DIR/NNNN.eml (the data as received) plus DIR/NNNN.json (the envelope: mail
from, recipients, whether TLS was on, the authenticated login).

Modes:
  accept   deliver normally (default)
  refuse   answer 451 (temporary failure) to every RCPT TO
  reject   answer 554 (permanent failure) to DATA
  defer    answer 451 (temporary failure) to DATA
  timeout  accept the connection and never say anything

With --quote, the reply of reject and defer quotes the message's text lines
(as some servers quote what they refuse); the refused message is kept as
DIR/refused-NNNN.eml and the reply as DIR/refused-NNNN.reply, so that a test
can see what was quoted.

Needs Debian's python3-aiosmtpd (except for --mode timeout).
Stop it with SIGTERM.
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import sys


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dir", required=True, help="folder for received messages")
    p.add_argument("--port-file", required=True, help="file that receives the port number")
    p.add_argument("--mode", choices=["accept", "refuse", "reject", "defer", "timeout"], default="accept")
    p.add_argument("--quote", action="store_true", help="reject/defer replies quote the message")
    p.add_argument("--starttls", action="store_true", help="offer and require STARTTLS")
    p.add_argument("--cert", help="PEM certificate for STARTTLS")
    p.add_argument("--key", help="PEM private key for STARTTLS")
    p.add_argument("--auth", metavar="USER:PASSWORD", help="require AUTH with these credentials")
    return p.parse_args()


def listening_socket():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    return sock


class Store:
    """aiosmtpd handler that writes each message to the folder."""

    def __init__(self, folder, mode, quote):
        self.folder = folder
        self.mode = mode
        self.quote = quote
        self.count = 0
        self.refused = 0

    def refusal(self, envelope, reply):
        if not self.quote:
            return reply
        self.refused += 1
        data = envelope.original_content or envelope.content
        with open(os.path.join(self.folder, "refused-%04d.eml" % self.refused), "wb") as f:
            f.write(data)
        # The decoded body lines, as a server that echoes the offending text would.
        import email
        import email.policy
        m = email.message_from_bytes(data, policy=email.policy.default)
        body = m.get_body(preferencelist=("plain",)).get_content()
        quoted = " | ".join(line.strip() for line in body.splitlines() if line.strip())
        # SMTP replies are ASCII; the password is, the greeting's names may not be.
        answer = "%s: %s" % (reply, quoted[:400].encode("ascii", "replace").decode())
        with open(os.path.join(self.folder, "refused-%04d.reply" % self.refused), "w") as f:
            f.write(answer)
        return answer

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "refuse":
            return "451 4.3.0 mailbox temporarily unavailable, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "reject":
            return self.refusal(envelope, "554 5.6.0 message rejected")
        if self.mode == "defer":
            return self.refusal(envelope, "451 4.3.0 message deferred, try again later")
        self.count += 1
        base = os.path.join(self.folder, "%04d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "login": session.auth_data.decode() if isinstance(session.auth_data, bytes) else session.auth_data,
        }
        with open(base + ".json", "w") as f:
            json.dump(meta, f)
        # The .eml appears last and atomically: its presence means "complete".
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted for delivery"


def authenticator_for(credentials):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    user, _, password = credentials.partition(":")

    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
            and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

    return check


async def silent(reader, writer):
    # Timeout mode: hold the connection open without a greeting.
    await asyncio.sleep(3600)


async def main():
    args = parse_args()
    os.makedirs(args.dir, exist_ok=True)
    loop = asyncio.get_running_loop()
    sock = listening_socket()
    if args.mode == "timeout":
        server = await asyncio.start_server(silent, sock=sock)
    else:
        from aiosmtpd.smtp import SMTP

        handler = Store(args.dir, args.mode, args.quote)
        kwargs = {"hostname": "localhost"}
        if args.starttls:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(args.cert, args.key)
            kwargs.update(tls_context=ctx, require_starttls=True)
        if args.auth:
            kwargs.update(authenticator=authenticator_for(args.auth), auth_required=True,
                          auth_require_tls=args.starttls)
        server = await loop.create_server(lambda: SMTP(handler, loop=loop, **kwargs), sock=sock)
    port = sock.getsockname()[1]
    with open(args.port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(args.port_file + ".tmp", args.port_file)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    loop.add_signal_handler(signal.SIGINT, stop.set_result, None)
    await stop
    server.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
