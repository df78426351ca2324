//! The words that report speech: `said`, `told`, `according to`, and the many verbs news uses.
//!
//! The lexicon lists verbs by their base form; every inflection (`says`, `said`, `saying`,
//! `argues`, `argued`, `arguing`, `replies`, `replied`) is generated once into a set. Verbs of
//! saying proper are *strong* cues; verbs that report an attitude or a characterisation
//! (`called`, `described`, `blasted`) are *weak* ones, trusted only next to a quotation.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::doc::{Fnv, WordMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    Weak,
    Strong,
}

/// Verbs of saying, by base form.
const STRONG: &[&str] = &[
    "say",
    "remember",
    "agree",
    "tell",
    "add",
    "write",
    "ask",
    "answer",
    "reply",
    "respond",
    "explain",
    "note",
    "state",
    "declare",
    "announce",
    "tweet",
    "retweet",
    "post",
    "insist",
    "warn",
    "caution",
    "urge",
    "suggest",
    "argue",
    "claim",
    "contend",
    "maintain",
    "assert",
    "acknowledge",
    "admit",
    "concede",
    "confirm",
    "deny",
    "joke",
    "quip",
    "recall",
    "remark",
    "observe",
    "comment",
    "complain",
    "lament",
    "boast",
    "brag",
    "explain",
    "inform",
    "assure",
    "remind",
    "repeat",
    "reiterate",
    "restate",
    "emphasize",
    "emphasise",
    "stress",
    "underscore",
    "counter",
    "retort",
    "testify",
    "report",
    "continue",
    "conclude",
    "predict",
    "promise",
    "pledge",
    "vow",
    "exclaim",
    "shout",
    "yell",
    "scream",
    "chant",
    "whisper",
    "mutter",
    "proclaim",
    "muse",
    "wonder",
    "speculate",
    "recount",
    "reveal",
    "disclose",
    "interject",
    "interrupt",
    "email",
    "blog",
    "write",
    "speak",
    "cry",
    "sing",
    "snap",
    "bark",
    "thunder",
    "plead",
    "summarize",
    "summarise",
    "estimate",
    "forecast",
    "advise",
    "mention",
    "demand",
    "query",
    "question",
    "echo",
    "scoff",
    "sigh",
    "gush",
    "rave",
    "grumble",
    "fume",
    "concur",
    "opine",
    "posit",
    "allege",
    "charge",
    "chide",
    "vent",
    "tease",
    "taunt",
    "boom",
    "beam",
    "enthuse",
    "hint",
    "signal",
    "stipulate",
    "specify",
    "clarify",
    "elaborate",
    "affirm",
    "attest",
    "assure",
    "caution",
    "cite",
    "quote",
    "relate",
    "recite",
    "recollect",
    "narrate",
    "preach",
    "pronounce",
    "protest",
    "rant",
    "rail",
    "remonstrate",
    "reason",
    "reckon",
    "relay",
    "request",
    "scold",
    "shoot",
    "fire",
    "chime",
    "weigh",
    "point",
    "put",
    "go",
    "think",
    "believe",
    "fear",
    "hope",
    "figure",
];

/// Verbs that report a characterisation or an attitude, by base form.
const WEAK: &[&str] = &[
    "call",
    "react",
    "imply",
    "express",
    "indicate",
    "worry",
    "describe",
    "label",
    "brand",
    "dub",
    "deem",
    "characterize",
    "characterise",
    "criticize",
    "criticise",
    "slam",
    "blast",
    "decry",
    "condemn",
    "denounce",
    "hail",
    "praise",
    "laud",
    "thank",
    "apologize",
    "apologise",
    "mock",
    "dismiss",
    "tout",
    "accuse",
    "blame",
    "attack",
    "defend",
    "welcome",
    "celebrate",
    "lambaste",
    "ridicule",
    "deride",
    "castigate",
    "berate",
    "rebuke",
    "scorn",
    "threaten",
    "beg",
    "implore",
    "challenge",
    "invite",
    "refer",
    "promote",
    "push",
    "pitch",
    "offer",
    "vow",
    "portray",
    "paint",
    "cast",
    "frame",
    "view",
    "regard",
    "consider",
    "see",
    "read",
    "sign",
    "declare",
    "credit",
    "compare",
    "liken",
    "question",
    "slam",
    "bemoan",
    "bash",
    "hit",
    "knock",
    "pan",
    "trash",
    "tear",
    "rip",
    "blast",
    "applaud",
    "commend",
    "congratulate",
    "encourage",
    "implore",
    "assail",
    "excoriate",
];

/// Irregular inflections (the regular ones are generated).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said", "says", "saying"]),
    ("tell", &["told", "tells", "telling"]),
    ("write", &["wrote", "written", "writes", "writing"]),
    ("speak", &["spoke", "spoken", "speaks", "speaking"]),
    ("shoot", &["shot", "shoots", "shooting"]),
    ("put", &["put", "puts", "putting"]),
    ("think", &["thought", "thinks", "thinking"]),
    ("go", &["went", "goes", "going"]),
    ("sing", &["sang", "sung", "sings", "singing"]),
    ("read", &["read", "reads", "reading"]),
    ("see", &["saw", "seen", "sees", "seeing"]),
    ("cast", &["cast", "casts", "casting"]),
    ("hit", &["hit", "hits", "hitting"]),
    ("tear", &["tore", "torn", "tears", "tearing"]),
    ("forecast", &["forecast", "forecasts", "forecasting"]),
    ("fire", &["fired", "fires", "firing"]),
];

/// Verbs whose final consonant doubles before `-ed`/`-ing`.
const DOUBLING: &[&str] = &[
    "admit", "quip", "slam", "snap", "rip", "pan", "knock", "chat", "jab", "rebut", "commit",
    "dub", "bar", "plan", "stop", "beg", "compel", "propel", "refer", "concur", "prefer", "rant",
];

/// Verbs that only report speech in a particular phrase; alone they are ordinary verbs.
fn needs_particle(base: &str) -> Option<&'static [&'static str]> {
    Some(match base {
        "shoot" | "fire" => &["back"],
        "chime" | "weigh" => &["in"],
        "point" => &["out"],
        "go" => &["on"],
        "put" => &["it"],
        "rail" => &["against"],
        _ => return None,
    })
}

fn inflections(base: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        let mut v: Vec<String> = forms.iter().map(|s| s.to_string()).collect();
        v.push(base.to_string());
        return v;
    }
    let mut v = vec![base.to_string()];
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        let stem = &base[..base.len() - 1];
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        v.push(format!("{base}s"));
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if DOUBLING.contains(&base) && !base.ends_with("ck") {
        let last = &base[base.len() - 1..];
        v.push(format!("{base}s"));
        v.push(format!("{base}{last}ed"));
        v.push(format!("{base}{last}ing"));
    } else {
        let s = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
            "es"
        } else {
            "s"
        };
        v.push(format!("{base}{s}"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    }
    v
}

/// One inflected cue word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueWord {
    pub base: &'static str,
    pub strength: Strength,
    /// `-ing` form (`saying`), which attaches to a clause rather than heading one.
    pub gerund: bool,
}

type Lexicon = HashMap<String, CueWord, BuildHasherDefault<Fnv>>;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map = Lexicon::default();
        for (list, strength) in [(WEAK, Strength::Weak), (STRONG, Strength::Strong)] {
            for &base in list {
                for form in inflections(base) {
                    let gerund = form.ends_with("ing") && !base.ends_with("ing");
                    map.insert(
                        form,
                        CueWord {
                            base,
                            strength,
                            gerund,
                        },
                    );
                }
            }
        }
        map
    })
}

/// [`lexicon`] laid out for looking up the words near every quote.
fn lexicon_words() -> &'static WordMap<CueWord> {
    static WORDS: OnceLock<WordMap<CueWord>> = OnceLock::new();
    WORDS.get_or_init(|| WordMap::new(lexicon().iter().map(|(w, &c)| (w.as_str(), c))))
}

/// The cue word for `word` (any case), if it is one.
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    if word.len() > 20 || !word.is_ascii() {
        return None;
    }
    // Lowered in the look-up, without a copy: this runs for every word near every quote.
    lexicon_words().get_lowercase(word)
}

/// A verb of saying on its own (no particle needed): used to recognise `said “…”`.
pub(crate) fn is_cue_word(word: &str) -> bool {
    cue_word(word)
        .is_some_and(|c| c.strength == Strength::Strong && needs_particle(c.base).is_none())
}

/// Every inflected verb of saying that needs no particle (`said`, `warns`, `insisting`).
pub(crate) fn saying_forms() -> impl Iterator<Item = &'static str> {
    lexicon()
        .iter()
        .filter(|(_, c)| c.strength == Strength::Strong && needs_particle(c.base).is_none())
        .map(|(form, _)| form.as_str())
}

/// The particle a cue needs (`shot back`, `pointed out`), if any.
pub(crate) fn particle_of(base: &str) -> Option<&'static [&'static str]> {
    needs_particle(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_known() {
        for w in [
            "said",
            "says",
            "Saying",
            "told",
            "added",
            "argues",
            "replied",
            "replies",
            "noting",
            "admitted",
            "quipped",
            "tweeted",
            "according",
        ] {
            if w == "according" {
                assert!(cue_word(w).is_none());
                continue;
            }
            assert!(cue_word(w).is_some(), "{w}");
        }
        assert!(cue_word("table").is_none());
        assert_eq!(cue_word("called").map(|c| c.strength), Some(Strength::Weak));
        assert!(cue_word("saying").is_some_and(|c| c.gerund));
    }
}
