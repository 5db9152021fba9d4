// Reads HTML pages and press-database exports (several articles per file) into clippings,
// parsing with gumbo. Also gives the visible text of HTML fragments (used for the HTML
// inside Markdown) and the charset a page declares.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "revue/core/clipping.hpp"

namespace revue {

// html is UTF-8. Articles are found, in order of preference:
//  1. each outermost <article> element;
//  2. when there is none, each div/section/li whose class names an article or document
//     ("article", "doc", "docItem", …, but not a part of one such as "article-title");
//  a candidate holding two or more candidates is a list, and its children are the articles.
// Inside an article, roles come from tags and class names (lower-cased, substring match):
//  caption  — figcaption, class *caption*/*legend*;
//  kicker   — class *surtitre*/*kicker*/*overline*/*rubrique*: body text, never a title;
//  deck     — class *subtitle*/*sous-titre*/*chapo*/*chapeau*/*deck*/*standfirst*/*lead*;
//  title    — the first h1/h2/h3 or class *title*/*titre* (later ones are body subheadings);
//  source   — class *source*/*publication*/*journal*, cut before ", no. 1234";
//  author   — class *author*/*byline*/*auteur*/*signature*, or, within the two lines after
//             the title, a short line "Par Name"/"By Name"/"- Name";
//  date     — <time datetime>, class *date*, a short line before the title holding a date,
//             or a whole date line after it (never kept as body text);
// and before the title, the first short unclaimed line is the publication. The rest is the
// body, one paragraph per block element. Scripts, styles, forms and navigation are skipped.
// A page without article blocks is one article: its <title> (else its first heading) as
// title and the visible text of <body> as body, with the same roles except the guessed
// publication. lang: the article element's lang attribute; for an export, CLD2 on the
// article's text, then <html lang>; for a single page, <html lang>. Left empty when none
// applies. Articles with neither title nor body are dropped.
std::vector<Clipping> read_html(std::string_view html);

// The visible text of an HTML fragment, entities decoded, one line per block element.
std::string html_fragment_text(std::string_view html);

// The charset declared by <meta charset> or <meta http-equiv="Content-Type">, read from
// the raw bytes (the markup is ASCII whatever the encoding); "" when none is declared.
std::string html_declared_charset(std::string_view bytes);

// True when the text starts, after whitespace, with "<!DOCTYPE html" or "<html".
bool looks_like_html(std::string_view text);

}  // namespace revue
