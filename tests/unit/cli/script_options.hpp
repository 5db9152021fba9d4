// The flags and value lists that the completion script and the man page give, read back.
#pragma once

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revue::testing {

using OptionKey = std::pair<std::string, std::string>;  // command, option ("show", "--format")

// The words of a text that name options: "-n", "--no-collapse", not "--" or "-".
inline std::set<std::string> option_words(const std::string& text) {
    static const std::regex option("(^|[^A-Za-z0-9_-])(--?[A-Za-z0-9][A-Za-z0-9-]*)");
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
         it != std::sregex_iterator(); ++it)
        found.insert((*it)[2]);
    return found;
}

inline std::vector<std::string> split_words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The completion script: what it offers after `revue`, after each command, and after each
// option that takes a value ("$cmd $prev" cases).
struct Completion {
    std::set<std::string> top;
    std::map<std::string, std::set<std::string>> options;  // by command
    std::map<std::string, std::set<std::string>> valued;   // options whose value it completes
    std::map<OptionKey, std::vector<std::string>> values;  // the words it offers as values
};

inline Completion read_completion(const std::string& script) {
    Completion c;
    static const std::regex word_list("compgen -W \"([^\"]*)\"");
    const auto lists = [](const std::string& text) {
        std::vector<std::string> found;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), word_list);
             it != std::sregex_iterator(); ++it)
            found.push_back((*it)[1]);
        return found;
    };
    const std::size_t top = script.find("-eq 1 ]");
    const std::size_t prev = script.find("case \"$cmd $prev\" in");
    const std::size_t by_command = script.find("case \"$cmd\" in");
    if (top == std::string::npos || prev == std::string::npos || by_command == std::string::npos)
        return c;
    for (const auto& w : split_words(lists(script.substr(top, prev - top)).at(0)))
        if (w[0] == '-') c.top.insert(w);

    const std::string cases = script.substr(prev, script.find("esac", prev) - prev);
    static const std::regex pattern("\"([a-z]+) (-[^\"]*)\"");
    static const std::regex offered(
        "\"([a-z]+) (-[^\"]*)\"\\) COMPREPLY=\\(\\$\\(compgen -W \"([^\"]*)\"");
    for (auto it = std::sregex_iterator(cases.begin(), cases.end(), pattern);
         it != std::sregex_iterator(); ++it)
        c.valued[(*it)[1]].insert((*it)[2]);
    for (auto it = std::sregex_iterator(cases.begin(), cases.end(), offered);
         it != std::sregex_iterator(); ++it)
        c.values[{(*it)[1], (*it)[2]}] = split_words((*it)[3]);

    // Each command's branch: from "name)" at the start of a line to the next one.
    std::string command;
    std::map<std::string, std::string> branches;
    static const std::regex branch("\\s*([a-z]+)\\).*");
    for (const auto& line : lines_of(script.substr(by_command))) {
        std::smatch m;
        if (std::regex_match(line, m, branch)) command = m[1];
        if (!command.empty()) branches[command] += line + "\n";
    }
    for (const auto& [name, text] : branches)
        for (const auto& list : lists(text))
            for (const auto& w : split_words(list))
                if (w[0] == '-') c.options[name].insert(w);
    return c;
}

// One stretch of text in one font of a man page: 'R', 'B' or 'I'.
struct Run {
    char font;
    std::string text;
};
using Line = std::vector<Run>;

// The text of roff source in `font`, its font escapes (\fB, \fI, \fR, \fP) followed and its
// character escapes (\-, \(cq, \e, \&) read.
inline void add_runs(Line& out, std::string_view text, char font) {
    char current = font;
    char previous = font;
    std::string buffer;
    const auto flush = [&] {
        if (!buffer.empty()) out.push_back({current, buffer});
        buffer.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            buffer += text[i];
            continue;
        }
        const char e = text[++i];
        if (e == 'f' && i + 1 < text.size()) {
            flush();
            const char f = text[++i];
            if (f == 'P') {
                std::swap(current, previous);
            } else {
                previous = current;
                current = f == 'B' || f == 'I' ? f : 'R';
            }
        } else if (e == '(' && i + 2 < text.size()) {
            buffer += '\'';
            i += 2;
        } else if (e == '-') {
            buffer += '-';
        } else if (e == 'e' || e == '\\') {
            buffer += '\\';
        } else if (e != '&') {
            buffer += e;
        }
    }
    flush();
}

// The arguments of a macro line: words, or "quoted words".
inline std::vector<std::string> macro_args(std::string_view rest) {
    std::vector<std::string> args;
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        if (i == rest.size()) break;
        std::string arg;
        if (rest[i] == '"') {
            const std::size_t end = rest.find('"', i + 1);
            arg = std::string(rest.substr(i + 1, end - i - 1));
            i = end == std::string_view::npos ? rest.size() : end + 1;
        } else {
            const std::size_t end = rest.find(' ', i);
            arg = std::string(rest.substr(i, end - i));
            i = end == std::string_view::npos ? rest.size() : end;
        }
        args.push_back(arg);
    }
    return args;
}

// One line of roff as runs of text: .B and .I lines in their font, .BR, .BI, .IR, .RB, .IB,
// .RI lines alternating two fonts, other requests none, text lines roman.
inline Line runs_of(const std::string& line) {
    Line out;
    if (line.empty() || line[0] != '.') {
        add_runs(out, line, 'R');
        return out;
    }
    const std::size_t space = line.find(' ');
    const std::string macro = line.substr(1, space == std::string::npos ? space : space - 1);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    const std::vector<std::string> args = macro_args(rest);
    if (macro == "B" || macro == "I") {
        std::string joined;
        for (const auto& a : args) joined += (joined.empty() ? "" : " ") + a;
        add_runs(out, joined, macro[0]);
    } else if (macro.size() == 2 && std::string("BIR").find(macro[0]) != std::string::npos &&
               std::string("BIR").find(macro[1]) != std::string::npos) {
        for (std::size_t i = 0; i < args.size(); ++i) add_runs(out, args[i], macro[i % 2]);
    }
    return out;
}

// The man page by section (".SH NAME"), and its SYNOPSIS by command (".B revue NAME" up to
// ".br").
struct ManPage {
    std::string title;  // the .TH line
    std::map<std::string, std::vector<Line>> sections;
    std::map<std::string, std::vector<Line>> synopsis;
};

inline ManPage read_man_page(const std::string& source) {
    ManPage page;
    std::string section;
    std::string command;
    for (const auto& line : lines_of(source)) {
        if (line.rfind(".TH ", 0) == 0) page.title = line;
        if (line.rfind(".SH ", 0) == 0) {
            const auto args = macro_args(line.substr(4));
            section.clear();
            for (const auto& a : args) section += (section.empty() ? "" : " ") + a;
            command.clear();
            continue;
        }
        if (section == "SYNOPSIS") {
            if (line.rfind(".B revue ", 0) == 0) command = split_words(line).at(2);
            if (line == ".br") command.clear();
        }
        const Line runs = runs_of(line);
        page.sections[section].push_back(runs);
        if (!command.empty()) page.synopsis[command].push_back(runs);
    }
    return page;
}

// The options written in bold.
inline std::set<std::string> bold_options(const std::vector<Line>& lines) {
    std::set<std::string> found;
    for (const Line& line : lines)
        for (const Run& run : line)
            if (run.font == 'B')
                for (const auto& o : option_words(run.text)) found.insert(o);
    return found;
}

// The value lists given right after a bold option ("--sort relevance|date|-date",
// "[--format text|json]"), by option.
inline std::vector<std::pair<std::string, std::vector<std::string>>> value_lists(
    const std::vector<Line>& lines) {
    static const std::regex list("[A-Za-z0-9-]+(\\|[A-Za-z0-9-]+)+");
    std::vector<std::pair<std::string, std::vector<std::string>>> found;
    for (const Line& line : lines) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i].font != 'B') continue;
            const auto options = option_words(line[i].text);
            if (options.empty()) continue;
            std::string after;
            for (std::size_t j = i + 1; j < line.size() && line[j].font != 'B'; ++j)
                after += line[j].text;
            const std::size_t start = after.find_first_not_of(" [");
            if (start == std::string::npos) continue;
            const std::string word = after.substr(start, after.find_first_of(" ]", start) - start);
            if (!std::regex_match(word, list)) continue;
            std::vector<std::string> values;
            std::istringstream parts(word);
            for (std::string v; std::getline(parts, v, '|');) values.push_back(v);
            // The option the list follows: the last one named in the bold run.
            const std::string& text = line[i].text;
            std::string last;
            for (const auto& o : options)
                if (last.empty() || text.rfind(o) > text.rfind(last)) last = o;
            found.emplace_back(last, values);
        }
    }
    return found;
}

}  // namespace revue::testing
