// relief ask (--date|--month) [PROFILE]: the phone questionnaire. It asks
// the fact needed by the most measures first, checks each answer as typed,
// says what the answer changed and saves the profile after each change, so
// that nothing typed is lost on Ctrl-C or at the end of the input. It reads
// answers from a terminal or from a script on standard input alike.
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>

#include "cli/atomic_file.hpp"
#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "cli/question_text.hpp"
#include "core/text_safety.hpp"
#include "relief/questionnaire.hpp"
#include "relief/report.hpp"

namespace relief::cli {
namespace {

// The status of a session ended by Ctrl-C, as a shell reports it (128 + SIGINT).
constexpr int kExitInterrupted = 130;

volatile std::sig_atomic_t g_interrupted = 0;

// Without SA_RESTART, Ctrl-C interrupts the read of an answer (EINTR): the
// session then ends cleanly instead of being killed mid-line.
void CatchInterrupt() {
  struct sigaction action {};
  action.sa_handler = [](int) { g_interrupted = 1; };
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
}

struct AskOptions {
  std::string pack = DefaultPackDirectory();
  std::string date, month, output, profile;
};

class AskSession {
 public:
  AskSession(Questionnaire questionnaire, std::string save_path)
      : q_(std::move(questionnaire)), save_path_(std::move(save_path)), echo_(::isatty(STDIN_FILENO) == 0) {}

  int Run();

 private:
  enum class Step { kNext, kEnd, kInterrupted };
  Step Ask(const Question& question, int number);
  Step Answered(const Question& question, const std::string& line);
  std::optional<std::string> ReadLine();
  void Save();
  int Finish(Step last);

  Questionnaire q_;
  std::string save_path_;
  bool echo_;  // answers read from a script are echoed, so that the transcript reads as a dialogue
  bool save_failed_ = false;
  bool saved_ = false;
};

std::optional<std::string> AskSession::ReadLine() {
  std::cout << "> " << std::flush;
  std::string line;
  if (g_interrupted || !std::getline(std::cin, line)) {
    std::cout << "\n";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (echo_) std::cout << TerminalSafe(line) << "\n";
  return line;
}

void AskSession::Save() {
  if (save_path_.empty()) return;
  const std::string problem = WriteFileAtomically(save_path_, q_.ToYaml());
  if (problem.empty()) {
    saved_ = true;
    std::cout << fmt::format("  Profil enregistré dans {}.\n", Shown(save_path_));
    return;
  }
  save_failed_ = true;
  std::cerr << fmt::format("error: cannot save the profile to '{}': {}\n", Shown(save_path_), problem);
}

// One line typed for `question`: a command, a refused answer (asked again)
// or an accepted one.
AskSession::Step AskSession::Answered(const Question& question, const std::string& line) {
  const std::string word = Trimmed(line);
  if (word.empty()) {
    q_.Skip(question);
    std::cout << "  Question passée.\n";
    return Step::kNext;
  }
  if (word == "fin") return Step::kEnd;
  if (word == "?" || word == "aide") {
    std::cout << HelpText(question, save_path_);
    return Step::kNext;
  }
  AnswerResult result = q_.Answer(question, word);
  if (!result.accepted) {
    std::cout << fmt::format("  Réponse refusée : {}\n", Shown(result.problem));
    return Step::kNext;
  }
  if (result.changes.empty()) std::cout << "  Aucun changement de statut ni de montant.\n";
  if (!result.changes.empty()) std::cout << "  Ce qui change :\n" << Indented(ChangesToText(result.changes), "    • ");
  Save();
  return Step::kNext;
}

// Asks `question` until it is answered, skipped or the session ends.
AskSession::Step AskSession::Ask(const Question& question, int number) {
  std::cout << "\n" << QuestionText(question, number);
  while (true) {
    std::optional<std::string> line = ReadLine();
    if (!line) return g_interrupted ? Step::kInterrupted : Step::kEnd;
    Step step = Answered(question, *line);
    if (step != Step::kNext) return step;
    std::optional<Question> next = q_.Next();
    if (!next || next->fact.Key() != question.fact.Key()) return Step::kNext;  // answered or skipped
  }
}

int AskSession::Run() {
  const Evaluation& e = q_.evaluation();
  std::cout << fmt::format("relief ask — règles {} {} — {} (au {})\n", Shown(e.pack.name), Shown(e.pack.version),
                           e.month.ToFrench(), e.date.ToFrench());
  const int known = q_.KnownFacts();
  std::cout << (known == 0   ? std::string("Aucun fait connu. ")
                : known == 1 ? std::string("1 fait connu. ")
                             : fmt::format("{} faits connus. ", known));
  std::cout << (save_path_.empty()
                    ? "Sans fichier (-o FICHIER), le profil sera affiché à la fin.\n"
                    : fmt::format("Chaque réponse acceptée est enregistrée dans {}.\n", Shown(save_path_)));
  std::cout << "Entrée seule : passer la question ; « ? » ou « aide » : aide ; « fin » : terminer.\n";
  Step step = Step::kNext;
  int number = 0;
  while (step == Step::kNext) {
    std::optional<Question> question = q_.Next();
    if (!question) {
      std::cout << "\nPlus aucune question à poser.\n";
      break;
    }
    step = Ask(*question, ++number);
  }
  return Finish(step);
}

int AskSession::Finish(Step last) {
  if (last == Step::kInterrupted) {
    std::cout << (saved_ ? fmt::format("Interrompu. Profil enregistré dans {}.\n", Shown(save_path_))
                         : std::string("Interrompu. Aucune réponse à enregistrer.\n"));
    return kExitInterrupted;
  }
  std::cout << "\n" << ToSummary(q_.evaluation());
  if (save_path_.empty()) std::cout << "\nProfil (YAML) :\n" << q_.ToYaml();
  return save_failed_ ? kExitFindings : kExitOk;
}

// The starting profile's text: none for a file that does not exist yet (a
// new firm), else the file, which must be readable.
std::optional<std::string> StartingText(const std::string& path, int& status) {
  std::error_code ignored;
  if (path.empty() || !std::filesystem::exists(path, ignored)) return std::string();
  FileText text = ReadProfileInput(path);
  if (text.text) return text.text;
  std::cerr << fmt::format("error: profile '{}': {}\n", Shown(path), text.error);
  status = kExitUsage;
  return std::nullopt;
}

int RunAsk(const AskOptions& options) {
  if (options.profile == "-") {
    std::cerr << "error: relief ask reads the answers on standard input: give the profile as a file\n";
    return kExitUsage;
  }
  std::optional<Date> date = EvaluationDate(options.date, options.month);
  if (!date) return kExitUsage;
  std::optional<RulePack> pack = LoadPackOrReport(options.pack);
  if (!pack) return kExitFindings;
  int status = kExitOk;
  std::optional<std::string> text = StartingText(options.profile, status);
  if (!text) return status;
  QuestionnaireResult started = Questionnaire::Start(*pack, *date, *text, options.profile);
  std::cerr << FormatDiagnostics(started.diagnostics);
  if (!started.ok()) return kExitFindings;
  CatchInterrupt();
  AskSession session(std::move(*started.questionnaire), options.output.empty() ? options.profile : options.output);
  return session.Run();
}

}  // namespace

Command AskCommand(CLI::App& parent) {
  auto options = std::make_shared<AskOptions>();
  CLI::App* app = parent.add_subcommand("ask", "Ask the questions that settle the most measures, and save the answers");
  app->add_option("--pack", options->pack, "Rule pack directory (default: the bundled pack)");
  auto* date = app->add_option("--date", options->date, "Evaluation date, YYYY-MM-DD");
  auto* month = app->add_option("--month", options->month, "Evaluation month, YYYY-MM");
  date->excludes(month);
  app->add_option("-o,--output", options->output, "Where to save the profile (default: PROFILE)");
  app->add_option("profile", options->profile, "Profile to start from and to save (created if it does not exist)");
  return {app, [options] { return RunAsk(*options); }};
}

}  // namespace relief::cli
