//! Genuine, correctly encoded text in many languages must come out of the cleaner unchanged.
//! Every sentence here is fictional news written for this test. A cleaner that "repairs" any of
//! them is damaging real text: Romanian and Vietnamese letters that look like mojibake
//! (`â`, `ș`, `ễ`), curly quotes and dashes, CJK full-width punctuation, emoji sequences.

use saidwho::clean::{clean, clean_explained, text_steps, CleanOptions, Edit};

const GENUINE: &[(&str, &str)] = &[
    (
        "English",
        "\u{201c}We\u{2019}re not going to wait,\u{201d} the mayor said on Tuesday \u{2014} \
         adding that the \u{a3}4.5m plan, backed by Johnson & Johnson and AT&T, was \u{2018}only \
         the start\u{2019}\u{2026} Temperatures reached 38\u{b0}C; the Q&A ran for \u{bd} an hour.\n\
         Critics said x < y was \u{201c}not a policy\u{201d}. \u{a9} 2024 Reuters \u{2013} all rights reserved.",
    ),
    (
        "French",
        "\u{ab}\u{a0}Nous ne c\u{e9}derons pas\u{a0}\u{bb}, a d\u{e9}clar\u{e9} la ministre, \
         \u{e9}voquant l\u{2019}\u{e9}t\u{e9} caniculaire et les c\u{153}urs \u{e9}puis\u{e9}s des \
         soignants. \u{c0} No\u{eb}l, l\u{2019}h\u{f4}pital de Saint-\u{c9}tienne aura \u{e7}\u{e0} \
         et l\u{e0} des lits ferm\u{e9}s\u{202f}; \u{ab}\u{202f}c\u{2019}est in\u{e9}dit\u{202f}\u{bb}.",
    ),
    (
        "Portuguese",
        "O governo de S\u{e3}o Paulo anunciou na ter\u{e7}a-feira que as elei\u{e7}\u{f5}es \
         municipais ter\u{e3}o urnas eletr\u{f4}nicas em todas as regi\u{f5}es. \u{201c}\u{c9} uma \
         quest\u{e3}o de confian\u{e7}a\u{201d}, disse o secret\u{e1}rio Jo\u{e3}o Assun\u{e7}\u{e3}o.",
    ),
    (
        "Romanian",
        "Rom\u{e2}nia a celebrat aniversarea lui Br\u{e2}ncu\u{219}i la T\u{e2}rgu Jiu, unde un \
         c\u{e2}ine s-a a\u{219}ezat l\u{e2}ng\u{103} Coloana f\u{103}r\u{103} \
         Sf\u{e2}r\u{219}it. \u{201e}Nu e doar p\u{e2}ine \u{219}i circ\u{201d}, a spus \
         primarul, \u{ee}n timp ce \u{21b}\u{103}ranii \u{ee}mp\u{103}r\u{21b}eau cozonac. \
         \u{218}tefan \u{21a}ugui a \u{ee}nt\u{e2}rziat. Titlul: ROM\u{c2}NIA \u{ce}NAINTE.",
    ),
    (
        "Vietnamese",
        "Th\u{1ee7} t\u{1b0}\u{1edb}ng Nguy\u{1ec5}n V\u{103}n Ph\u{fa}c \u{111}\u{e3} \u{111}\u{1ebf}n \
         th\u{103}m Vi\u{1ec7}t Nam v\u{e0} n\u{f3}i r\u{1eb1}ng ng\u{e2}n s\u{e1}ch c\u{e2}n \
         \u{111}\u{1ed1}i l\u{e0} \u{201c}t\u{e2}m \u{111}i\u{1ec3}m c\u{1ee7}a ch\u{fa}ng t\u{f4}i\u{201d}. \
         Ng\u{1b0}\u{1edd}i d\u{e2}n \u{1edf} H\u{e0} N\u{1ed9}i v\u{e0} TP. H\u{1ed3} Ch\u{ed} Minh \
         \u{1ee7}ng h\u{1ed9} k\u{1ebf} ho\u{1ea1}ch.",
    ),
    (
        "German",
        "\u{201e}Wir m\u{fc}ssen schneller werden\u{201c}, sagte die B\u{fc}rgermeisterin in \
         Gro\u{df}enhain. Die Stra\u{df}enbahn f\u{e4}hrt ab M\u{e4}rz \u{fc}ber die \
         Br\u{fc}cke; \u{bb}das \u{d6}l ist teuer\u{ab}, klagten H\u{e4}ndler. Ma\u{df}e: 3\u{d7}4\u{a0}m.",
    ),
    (
        "Spanish",
        "\u{bf}Qui\u{e9}n pagar\u{e1} la factura? \u{a1}Nadie lo sabe!, respondi\u{f3} el \
         portavoz del Ayuntamiento de Logro\u{f1}o. La ping\u{fc}ina del zool\u{f3}gico, \
         llamada \u{ab}Se\u{f1}ora\u{bb}, cumpli\u{f3} 12\u{a0}a\u{f1}os; el 1.\u{ba} de junio habr\u{e1} fiesta.",
    ),
    (
        "Polish",
        "\u{201e}Nie zgadzamy si\u{119} na to\u{201d} \u{2013} powiedzia\u{142} pose\u{142} z \
         \u{141}odzi. Za\u{17c}\u{f3}\u{142}\u{107} g\u{119}\u{15b}l\u{105} ja\u{17a}\u{144}: \
         \u{17b}ubr\u{f3}wka i \u{15a}wi\u{119}tokrzyskie \u{15b}ciany p\u{142}on\u{119}\u{142}y \
         w \u{17a}r\u{f3}d\u{142}ach \u{107}wierci wieku.",
    ),
    (
        "Greek",
        "\u{ab}\u{394}\u{3b5}\u{3bd} \u{3b8}\u{3b1} \u{3c5}\u{3c0}\u{3bf}\u{3c7}\u{3c9}\u{3c1}\u{3ae}\u{3c3}\u{3bf}\u{3c5}\u{3bc}\u{3b5}\u{bb}, \
         \u{3b4}\u{3ae}\u{3bb}\u{3c9}\u{3c3}\u{3b5} \u{3bf} \u{3c5}\u{3c0}\u{3bf}\u{3c5}\u{3c1}\u{3b3}\u{3cc}\u{3c2} \
         \u{3c3}\u{3c4}\u{3b7}\u{3bd} \u{391}\u{3b8}\u{3ae}\u{3bd}\u{3b1}\u{b7} \
         \u{3b7} \u{3c8}\u{3ae}\u{3c6}\u{3bf}\u{3c2} \u{3b5}\u{3af}\u{3bd}\u{3b1}\u{3b9} \u{3b1}\u{3cd}\u{3c1}\u{3b9}\u{3bf};",
    ),
    (
        "Russian",
        "\u{ab}\u{41c}\u{44b} \u{43d}\u{435} \u{43e}\u{442}\u{441}\u{442}\u{443}\u{43f}\u{438}\u{43c}\u{bb}, \u{2014} \
         \u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b} \u{43c}\u{44d}\u{440} \u{41d}\u{43e}\u{432}\u{43e}\u{441}\u{438}\u{431}\u{438}\u{440}\u{441}\u{43a}\u{430} \
         \u{432} \u{441}\u{440}\u{435}\u{434}\u{443}. \u{401}\u{43b}\u{43a}\u{430} \u{43d}\u{430} \
         \u{43f}\u{43b}\u{43e}\u{449}\u{430}\u{434}\u{438} \u{441}\u{442}\u{43e}\u{438}\u{442} 2\u{a0}000\u{a0}\u{20bd}.",
    ),
    (
        "Chinese",
        "\u{5e02}\u{957f}\u{5468}\u{4e8c}\u{8868}\u{793a}\u{ff1a}\u{201c}\u{6211}\u{4eec}\u{4e0d}\u{4f1a}\u{7b49}\u{5f85}\u{3002}\u{201d}\
         \u{4ed6}\u{8fd8}\u{8bf4}\u{ff0c}\u{65b0}\u{8ba1}\u{5212}\u{5c06}\u{5728}\u{ff12}\u{ff10}\u{ff12}\u{ff15}\u{5e74}\u{5b9e}\u{65bd}\u{ff08}\u{5305}\u{62ec}\u{5317}\u{4eac}\u{3001}\u{4e0a}\u{6d77}\u{ff09}\u{ff01}\
         \u{8fd9}\u{662f}\u{771f}\u{7684}\u{5417}\u{ff1f}\u{300a}\u{4eba}\u{6c11}\u{65e5}\u{62a5}\u{300b}\u{62a5}\u{9053}\u{3002}",
    ),
    (
        "Japanese",
        "\u{3000}\u{6771}\u{4eac}\u{90fd}\u{306f}\u{ff11}\u{ff15}\u{65e5}\u{3001}\u{65b0}\u{3057}\u{3044}\u{9632}\u{707d}\u{8a08}\u{753b}\u{3092}\u{767a}\u{8868}\u{3057}\u{305f}\u{3002}\
         \u{300c}\u{5b89}\u{5168}\u{304c}\u{6700}\u{512a}\u{5148}\u{3060}\u{300d}\u{3068}\u{77e5}\u{4e8b}\u{306f}\u{8a9e}\u{3063}\u{305f}\u{ff08}\u{5171}\u{540c}\u{ff09}\u{3002}\
         \u{ff2a}\u{ff32}\u{6771}\u{65e5}\u{672c}\u{3082}\u{30c0}\u{30a4}\u{30e4}\u{3092}\u{898b}\u{76f4}\u{3059}\u{ff01}",
    ),
    (
        "Korean",
        "\u{c11c}\u{c6b8}\u{c2dc}\u{b294} 15\u{c77c} \u{c0c8}\u{b85c}\u{c6b4} \u{bc29}\u{c7ac} \u{acc4}\u{d68d}\u{c744} \
         \u{bc1c}\u{d45c}\u{d588}\u{b2e4}. \u{c2dc}\u{c7a5}\u{c740} \u{201c}\u{c548}\u{c804}\u{c774} \u{cd5c}\u{c6b0}\u{c120}\u{c774}\u{b2e4}\u{201d}\u{b77c}\u{ace0} \u{b9d0}\u{d588}\u{b2e4}.",
    ),
    (
        "Arabic and Persian",
        "\u{642}\u{627}\u{644} \u{648}\u{632}\u{64a}\u{631} \u{627}\u{644}\u{645}\u{627}\u{644}\u{64a}\u{629} \u{64a}\u{648}\u{645} \u{627}\u{644}\u{62b}\u{644}\u{627}\u{62b}\u{627}\u{621} \
         \u{625}\u{646} \u{627}\u{644}\u{645}\u{648}\u{627}\u{632}\u{646}\u{629} \u{627}\u{644}\u{62c}\u{62f}\u{64a}\u{62f}\u{629} \u{633}\u{62a}\u{62f}\u{62e}\u{644} \
         \u{62d}\u{64a}\u{632} \u{627}\u{644}\u{62a}\u{646}\u{641}\u{64a}\u{630} \u{641}\u{64a} \u{662}\u{660}\u{662}\u{665}\u{60c} \u{645}\u{636}\u{64a}\u{641}\u{627}\u{64b}: \
         \u{ab}\u{644}\u{646} \u{646}\u{62a}\u{631}\u{627}\u{62c}\u{639}\u{bb}\u{61f} \u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
    ),
    (
        "Hebrew",
        "\u{5e8}\u{5d0}\u{5e9} \u{5d4}\u{5e2}\u{5d9}\u{5e8} \u{5d0}\u{5de}\u{5e8} \
         \u{5d1}\u{5d9}\u{5d5}\u{5dd} \u{5e9}\u{5dc}\u{5d9}\u{5e9}\u{5d9}: \
         \u{201d}\u{5dc}\u{5d0} \u{5e0}\u{5d5}\u{5d5}\u{5ea}\u{5e8}\u{201d}. \
         \u{5d4}\u{5ea}\u{5d5}\u{5db}\u{5e0}\u{5d9}\u{5ea} \u{5ea}\u{5e2}\u{5dc}\u{5d4} 3.5 \
         \u{5de}\u{5d9}\u{5dc}\u{5d9}\u{5d0}\u{5e8}\u{5d3} \u{200f}\u{20aa}\u{200f}, \
         \u{5dc}\u{5e4}\u{5d9} \u{5d3}\u{5d5}\u{5d1}\u{5e8} \u{5e6}\u{5d4}\u{5f4}\u{5dc} \
         \u{5d5}\u{5e8}\u{5de}\u{5d8}\u{5db}\u{5f4}\u{5dc} \u{5dc}\u{5e9}\u{5e2}\u{5d1}\u{5e8}.",
    ),
    (
        "Turkish, Czech, Icelandic, Ukrainian",
        "\u{130}stanbul\u{2019}da ya\u{11f}\u{131}\u{15f} ba\u{15f}lad\u{131}; \u{10c}esk\u{e9} \
         Bud\u{11b}jovice hl\u{e1}s\u{ed} \u{159}\u{ed}jen; \u{de}\u{f3}r\u{f0}ur sag\u{f0}i \u{ed} \
         Reykjav\u{ed}k; \u{41c}\u{2bc}\u{44f}\u{441}\u{43e} \u{43f}\u{43e}\u{434}\u{43e}\u{440}\u{43e}\u{436}\u{447}\u{430}\u{43b}\u{43e} \u{432} \u{41a}\u{438}\u{454}\u{432}\u{456}.",
    ),
    (
        "Hindi",
        "\u{92a}\u{94d}\u{930}\u{927}\u{93e}\u{928}\u{92e}\u{902}\u{924}\u{94d}\u{930}\u{940} \u{928}\u{947} \
         \u{915}\u{939}\u{93e} \u{915}\u{93f} \u{92f}\u{94b}\u{91c}\u{928}\u{93e} \u{905}\u{917}\u{932}\u{947} \
         \u{935}\u{930}\u{94d}\u{937} \u{932}\u{93e}\u{917}\u{942} \u{939}\u{94b}\u{917}\u{940}\u{964}",
    ),
    (
        "Emoji",
        "Fans cheered \u{1f389}\u{1f44f}\u{1f3fd} as the team arrived \u{1f1eb}\u{1f1f7} \u{1f1e7}\u{1f1f7} \
         \u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f} \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \
         \u{1f469}\u{1f3fe}\u{200d}\u{1f692} \u{2764}\u{fe0f}\u{200d}\u{1f525} 1\u{fe0f}\u{20e3} \u{263a}\u{fe0e} \u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
    ),
    (
        "Mixed line structure",
        "Paragraph one ends here.\n\n\tIndented quote: \u{201c}Yes.\u{201d}\n\u{c}Page two \u{2013} 5\u{2032}11\u{2033} tall, 50\u{a0}% rise, \u{2192} next.",
    ),
];

fn describe(edits: &[Edit], text: &str) -> String {
    edits
        .iter()
        .map(|e| format!("{:?}->{:?}", text.get(e.start..e.end), e.replacement))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The character-level steps alone: they must never touch genuine text.
#[test]
fn text_steps_leave_genuine_text_alone() {
    let o = CleanOptions::default();
    type Step = fn(&str, &CleanOptions) -> Vec<Edit>;
    let steps: [(&str, Step); 8] = [
        ("unescape_html", text_steps::unescape_html),
        (
            "remove_terminal_escapes",
            text_steps::remove_terminal_escapes,
        ),
        ("fix_latin_ligatures", text_steps::fix_latin_ligatures),
        ("fix_character_width", text_steps::fix_character_width),
        ("uncurl_quotes (off by default)", |_, _| Vec::new()),
        ("fix_line_breaks", text_steps::fix_line_breaks),
        ("remove_control_chars", text_steps::remove_control_chars),
        ("normalize", text_steps::normalize),
    ];
    for (lang, text) in GENUINE {
        for (name, step) in steps {
            let edits = step(text, &o);
            assert!(
                edits.is_empty(),
                "{name} changed genuine {lang} text: {}",
                describe(&edits, text)
            );
        }
    }
}

/// The whole cleaner with the news defaults. (Needs the encoding and lossy steps merged to be
/// meaningful for them; the text steps are covered above.)
#[test]
fn clean_leaves_genuine_text_alone() {
    let o = CleanOptions::default();
    for (lang, text) in GENUINE {
        let out = clean(text, &o);
        if out != *text {
            let fixes = clean_explained(text, &o, true).fixes;
            let list: Vec<String> = fixes
                .iter()
                .map(|f| format!("{}: {:?}->{:?}", f.step, f.before, f.after))
                .collect();
            panic!("clean changed genuine {lang} text:\n{}", list.join("\n"));
        }
    }
}

/// Each sample on its own line of one document, and all of them joined: context-sensitive steps
/// must not change their minds when languages are mixed.
#[test]
fn clean_leaves_a_multilingual_document_alone() {
    let doc: String = GENUINE
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n\n");
    let out = clean(&doc, &CleanOptions::default());
    if out != doc {
        let fixes = clean_explained(&doc, &CleanOptions::default(), true).fixes;
        let list: Vec<String> = fixes
            .iter()
            .take(10)
            .map(|f| format!("{}: {:?}->{:?}", f.step, f.before, f.after))
            .collect();
        panic!(
            "clean changed the multilingual document:\n{}",
            list.join("\n")
        );
    }
}

/// The samples are themselves what they claim: NFC, no stray controls.
#[test]
fn samples_are_well_formed() {
    use unicode_normalization::UnicodeNormalization;
    for (lang, text) in GENUINE {
        let nfc: String = text.nfc().collect();
        assert_eq!(&nfc, text, "{lang} sample is not NFC");
    }
}

/// Issue 13's set: over 500 genuine lines in languages that write `â`, `Ã` or `Â` as letters
/// (Romanian, French, Portuguese, Vietnamese, Welsh, Turkish, Ligurian, Friulian, Walloon) and
/// Chinese and Japanese with full-width punctuation between quotations.
const MULTILINGUAL: &str = include_str!("data/genuine_multilingual.tsv");

fn multilingual() -> Vec<(&'static str, &'static str)> {
    MULTILINGUAL
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').expect("LANGUAGE<TAB>TEXT"))
        .collect()
}

#[test]
fn the_multilingual_set_is_what_it_claims() {
    use std::collections::HashSet;
    use unicode_normalization::UnicodeNormalization;
    let lines = multilingual();
    assert!(lines.len() >= 500, "{} lines", lines.len());
    let languages: HashSet<&str> = lines.iter().map(|(lang, _)| *lang).collect();
    assert!(languages.len() >= 8, "{languages:?}");
    for (lang, text) in &lines {
        assert_eq!(text.nfc().collect::<String>(), *text, "{lang}: not NFC");
    }
    let with_circumflex = lines
        .iter()
        .filter(|(_, t)| t.contains(['â', 'Â', 'Ã']))
        .count();
    assert!(with_circumflex >= 350, "{with_circumflex}");
}

/// Every line alone: zero changes, and `explain` lists no fix.
#[test]
fn clean_leaves_every_multilingual_line_alone() {
    let o = CleanOptions::default();
    let mut changed = Vec::new();
    for (lang, text) in multilingual() {
        let explained = clean_explained(text, &o, true);
        if explained.text != text || !explained.fixes.is_empty() {
            changed.push(format!("{lang}: {text:?} -> {:?}", explained.text));
        }
    }
    assert!(
        changed.is_empty(),
        "{} lines changed:\n{}",
        changed.len(),
        changed.join("\n")
    );
}

/// All lines as one document, and each language as one document: the document-level evidence
/// must not change its mind when many `â` come together.
#[test]
fn clean_leaves_the_multilingual_documents_alone() {
    let o = CleanOptions::default();
    let fixes = |doc: &str| -> Vec<String> {
        clean_explained(doc, &o, true)
            .fixes
            .iter()
            .take(10)
            .map(|f| format!("{}: {:?}->{:?}", f.step, f.before, f.after))
            .collect()
    };
    let lines = multilingual();
    let all: String = lines.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n");
    assert!(clean(&all, &o) == all, "{:?}", fixes(&all));
    let mut langs: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
    langs.dedup();
    for lang in langs {
        let doc: String = lines
            .iter()
            .filter(|(l, _)| *l == lang)
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join("\n\n");
        assert!(clean(&doc, &o) == doc, "{lang}: {:?}", fixes(&doc));
    }
}
