// How `relief ask` shows a question in French: its label and text, the
// measures that need it, and what answer is expected (type, allowed values,
// bounds, unit); and the help shown on `?`.
#ifndef RELIEF_CLI_QUESTION_TEXT_HPP_
#define RELIEF_CLI_QUESTION_TEXT_HPP_

#include <string>
#include <string_view>

#include "relief/questionnaire.hpp"

namespace relief::cli {

// "Réponse attendue : montant en euros, au moins 0 (exemple : 1 500,50) ; unité : €".
std::string ExpectedAnswer(const FactDescription& fact);
// The question numbered `number`, ending with a newline.
std::string QuestionText(const Question& question, int number);
// The help for `question`; `save_path` is where answers are saved ("" when not).
std::string HelpText(const Question& question, const std::string& save_path);

// `text` without spaces, tabs or line ends around it.
std::string Trimmed(std::string_view text);
// Each line of `text` after `prefix`.
std::string Indented(const std::string& text, const std::string& prefix);

}  // namespace relief::cli

#endif  // RELIEF_CLI_QUESTION_TEXT_HPP_
