-- Question sets and standard answers shipped with imictl (guide B2). A
-- request copies the chosen questions in its language, so later changes to
-- a set never alter a request already made. Sets marked fictitious are the
-- FICTIEF sets for practice cases.
CREATE TABLE question_set (
  code       TEXT PRIMARY KEY,
  title_nl   TEXT NOT NULL,
  title_en   TEXT NOT NULL,
  fictitious INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE question_set_question (
  set_code TEXT NOT NULL REFERENCES question_set (code),
  number   INTEGER NOT NULL,
  text_nl  TEXT NOT NULL,
  text_en  TEXT NOT NULL,
  PRIMARY KEY (set_code, number)
) WITHOUT ROWID;
CREATE TABLE standard_answer (
  code TEXT PRIMARY KEY,
  nl   TEXT NOT NULL,
  en   TEXT NOT NULL
);

INSERT INTO question_set (code, title_nl, title_en, fictitious) VALUES
  ('services-general', 'Dienstenrichtlijn: algemene vragen over een dienstverrichter',
   'Services Directive: general questions about a service provider', 0),
  ('fictief-practice', 'FICTIEF: oefenset', 'FICTITIOUS: practice set', 1);

INSERT INTO question_set_question (set_code, number, text_nl, text_en) VALUES
  ('services-general', 1, 'Is de dienstverrichter rechtmatig gevestigd in uw lidstaat?',
   'Is the service provider legally established in your Member State?'),
  ('services-general', 2, 'Onder welke naam en welk registratienummer is de dienstverrichter ingeschreven?',
   'Under which name and registration number is the service provider registered?'),
  ('services-general', 3, 'Heeft de dienstverrichter een vergunning voor de betreffende activiteit?',
   'Does the service provider hold an authorisation for the activity concerned?'),
  ('services-general', 4, 'Kunt u een kopie of bevestiging van die vergunning verstrekken?',
   'Can you provide a copy or confirmation of that authorisation?'),
  ('services-general', 5, 'Is de vergunning geschorst, ingetrokken of aan voorwaarden verbonden?',
   'Has the authorisation been suspended, withdrawn or made subject to conditions?'),
  ('services-general', 6, 'Zijn er tuchtrechtelijke of bestuursrechtelijke sancties opgelegd aan de dienstverrichter?',
   'Have disciplinary or administrative sanctions been imposed on the service provider?'),
  ('services-general', 7, 'Zijn er strafrechtelijke sancties opgelegd die relevant zijn voor de activiteit?',
   'Have criminal sanctions relevant to the activity been imposed?'),
  ('services-general', 8, 'Beschikt de dienstverrichter over een beroepsaansprakelijkheidsverzekering?',
   'Does the service provider hold professional liability insurance?'),
  ('services-general', 9, 'Is de dienstverrichter failliet verklaard of in surseance van betaling?',
   'Has the service provider been declared bankrupt or granted a suspension of payments?'),
  ('services-general', 10, 'Welke beroepskwalificaties heeft de dienstverrichter aangetoond?',
   'Which professional qualifications has the service provider demonstrated?'),
  ('services-general', 11, 'Heeft u de dienstverrichter gecontroleerd en wat was de uitkomst?',
   'Have you inspected the service provider, and what was the outcome?'),
  ('services-general', 12, 'Zijn er klachten van afnemers over de dienstverrichter bekend?',
   'Are complaints from recipients about the service provider known to you?'),
  ('fictief-practice', 1, 'FICTIEF: Is de dienstverrichter bij u bekend?',
   'FICTITIOUS: Is the service provider known to you?'),
  ('fictief-practice', 2, 'FICTIEF: Heeft de dienstverrichter een geldige vergunning?',
   'FICTITIOUS: Does the service provider hold a valid authorisation?'),
  ('fictief-practice', 3, 'FICTIEF: Zijn er sancties opgelegd?',
   'FICTITIOUS: Have any sanctions been imposed?');

INSERT INTO standard_answer (code, nl, en) VALUES
  ('data-protection', 'Gelet op onze regels inzake gegevensbescherming, kunnen we deze vraag niet beantwoorden',
   'In view of our data protection rules, we cannot answer this question'),
  ('not-competent', 'Wij zijn niet bevoegd om deze vraag te beantwoorden',
   'We are not competent to answer this question'),
  ('no-information', 'Wij beschikken niet over deze informatie',
   'We do not hold this information'),
  ('yes', 'Ja', 'Yes'),
  ('no', 'Nee', 'No');
