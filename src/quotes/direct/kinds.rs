//! Direct quotation, partial quotation, or quoted text that nobody said.
//!
//! The kind follows from where the quote stands in the writer's sentence: a direct quote opens a
//! paragraph or a sentence (or follows a colon or a comma after a cue) and holds a statement;
//! a partial quote is a fragment inside the writer's own sentence. Quoted text that is not
//! speech has tell-tale surroundings: a title in title case after a possessive (`CNN’s “New
//! Day”`), a name after `so-called` or `the phrase`, a scare-quoted word used as a modifier
//! (`the “establishment” candidate`), a quote holding no letters at all.

use super::marks::QuotedSpan;
use crate::quotes::cues;
use crate::quotes::doc::{Document, TokKind, Token};
use crate::quotes::lexicon::{
    NAMED_THINGS, NAMING_PARTICIPLES, NAMING_WORDS, TITLE_DETERMINERS, TITLE_SMALL_WORDS,
};
use crate::quotes::QuoteKind;

pub(crate) fn kind_of(doc: &Document, span: &QuotedSpan) -> QuoteKind {
    let text = doc.text;
    let content = text.get(span.start..span.end).unwrap_or("");
    if !content.chars().any(char::is_alphabetic) {
        return QuoteKind::NonSpeech;
    }
    let open_tok = doc.token_at(span.open);
    let before = open_tok
        .checked_sub(1)
        .map(|i| doc.tokens[i])
        .filter(|t| doc.tokens.get(open_tok).is_some_and(|o| o.para == t.para));
    let after = after_token(doc, span);
    let stands_alone = opens_statement(doc, open_tok, before, content);
    if !stands_alone && is_non_speech(doc, open_tok, before, after, content) {
        return QuoteKind::NonSpeech;
    }
    if stands_alone {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

fn after_token(doc: &Document, span: &QuotedSpan) -> Option<Token> {
    let i = doc.token_at(span.close.max(span.end));
    let t = *doc.tokens.get(i)?;
    // Skip the closing mark itself (when the span was closed, `close` is just after it).
    Some(t)
}

fn first_letter_upper(content: &str) -> bool {
    content
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// A quote that starts a statement of its own: at the start of a paragraph or sentence, after
/// a colon, or after a comma or a cue word when the quote itself starts with a capital.
fn opens_statement(doc: &Document, open_tok: usize, before: Option<Token>, content: &str) -> bool {
    let Some(b) = before else { return true };
    let before_idx = open_tok.saturating_sub(1);
    if b.ends_sentence {
        return true;
    }
    match b.kind {
        TokKind::Punct(':') => true,
        TokKind::Punct('.' | '?' | '!') => first_letter_upper(content),
        TokKind::Punct(',') => {
            ends_like_statement(content)
                && (first_letter_upper(content) || cue_just_before(doc, before_idx))
        }
        TokKind::Punct('\u{2014}' | '\u{2013}' | '-' | '(' | '[') => {
            first_letter_upper(content) && ends_like_statement(content)
        }
        TokKind::Mark => first_letter_upper(content),
        TokKind::Word => {
            first_letter_upper(content)
                && ends_like_statement(content)
                && cues::is_cue_word(doc.word(&b))
        }
        _ => false,
    }
}

/// A cue word among the few words before the comma at `comma`: `he said, “and …”`.
fn cue_just_before(doc: &Document, comma: usize) -> bool {
    (comma.saturating_sub(4)..comma).any(|i| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Word && cues::is_cue_word(doc.word(t)))
    })
}

/// A statement ends with its own punctuation inside the marks, or is long enough to be one.
fn ends_like_statement(content: &str) -> bool {
    let last = content.trim_end().chars().next_back();
    matches!(last, Some('.' | ',' | '?' | '!' | '\u{2026}'))
        || content.split_whitespace().count() >= 6
}

fn is_title_case(content: &str) -> bool {
    let mut words = 0;
    for w in content.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        words += 1;
        let small = TITLE_SMALL_WORDS.contains(w);
        if !(first.is_uppercase() || first.is_numeric() || small) {
            return false;
        }
    }
    words > 0
}

fn lower_word<'d>(doc: &'d Document, t: &Token) -> crate::quotes::doc::Lower<'d> {
    crate::quotes::doc::lower(doc, t)
}

fn is_non_speech(
    doc: &Document,
    open_tok: usize,
    before: Option<Token>,
    after: Option<Token>,
    content: &str,
) -> bool {
    let n_words = content.split_whitespace().count();
    let before_word = before
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| lower_word(doc, &t));
    if let Some(w) = &before_word {
        if NAMING_WORDS.contains(w.as_str()) || w.ends_with("-called") {
            return n_words <= 8;
        }
        // `known as “Guccifer”`, `referred to as “X”`
        if w.as_str() == "as" {
            let prev = open_tok.checked_sub(2).map(|i| doc.tokens[i]);
            if prev.is_some_and(|p| NAMING_PARTICIPLES.contains(lower_word(doc, &p).as_str()))
                && n_words <= 4
            {
                return true;
            }
        }
    }
    let after_word = after
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| lower_word(doc, &t));
    if n_words <= 6 {
        if let Some(w) = &after_word {
            if NAMED_THINGS.contains(w.as_str()) {
                return true;
            }
        }
    }
    if n_words <= 7 && is_title_case(content) {
        // Titles of shows, books, groups: `CNN’s “New Day”`, `the TLC show “Cake Boss.”`
        let possessive = before_word
            .as_deref()
            .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s") || w == "s");
        let capital_before = before
            .filter(|t| t.kind == TokKind::Word)
            .is_some_and(|t| doc.word(&t).chars().next().is_some_and(char::is_uppercase));
        let determiner = before_word
            .as_deref()
            .is_some_and(|w| TITLE_DETERMINERS.contains(w));
        if possessive || capital_before || determiner || before_word.as_deref() == Some("on") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::quoted_spans;

    fn kinds(t: &str) -> Vec<QuoteKind> {
        let spans = quoted_spans(t, crate::quotes::marks::MarkSet::EVERY);
        let d = Document::new(t, &spans);
        spans.iter().map(|s| kind_of(&d, s)).collect()
    }

    #[test]
    fn direct_and_partial() {
        use QuoteKind::*;
        assert_eq!(kinds("“We will win,” she said."), vec![Direct]);
        assert_eq!(kinds("The mayor said: “We will win.”"), vec![Direct]);
        assert_eq!(
            kinds("She called the plan “reckless” and “a waste of money”."),
            vec![Partial, Partial]
        );
        assert_eq!(
            kinds("“It works,” he said, “and it will keep working.”"),
            vec![Direct, Direct]
        );
    }

    #[test]
    fn titles_and_scare_quotes() {
        use QuoteKind::*;
        assert_eq!(
            kinds("She told CNN’s “State of the Union” on Sunday."),
            vec![NonSpeech]
        );
        assert_eq!(
            kinds("He beat the party’s “establishment” candidate."),
            vec![NonSpeech]
        );
        assert_eq!(
            kinds("Supporters of the so-called “Never Again” pact met."),
            vec![NonSpeech]
        );
        assert_eq!(
            kinds("The form read “2016-02-15” at the top."),
            vec![NonSpeech]
        );
        assert_eq!(
            kinds("It would act as the security “backstop” from the US."),
            vec![Partial]
        );
    }
}
