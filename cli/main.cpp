// imictl: everything lives in libimi and cli/app.cpp; main only forwards.
namespace imi::cli {
int run(int argc, char** argv);
}

int main(int argc, char** argv)
{
  return imi::cli::run(argc, argv);
}
