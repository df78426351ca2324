//! Whole-step tests: realistic damaged sentences, and genuine text that must never change.

use super::*;
use crate::clean::apply_edits;

fn fix(text: &str) -> String {
    let options = CleanOptions::default();
    let mut current = text.to_owned();
    // The pipeline reruns steps until stable; C1 controls are a separate step.
    for _ in 0..4 {
        let mut edits = fix_encoding(&current, &options);
        let (next, _) = apply_edits(&current, &edits);
        edits = fix_c1_controls(&next, &options);
        let (next, _) = apply_edits(&next, &edits);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// Adds one layer of mojibake: UTF-8 bytes read as Windows-1252 (sloppily).
fn damage_1252(text: &str) -> String {
    text.bytes()
        .map(|b| codepages::CodePage::Windows1252.decode_byte(b))
        .collect()
}

/// UTF-8 bytes read as Latin-1.
fn damage_latin1(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

#[test]
fn repairs_windows_1252_mojibake() {
    assert_eq!(
        fix("Le cafÃ© de la gare a fermÃ© ses portes."),
        "Le café de la gare a fermé ses portes."
    );
    assert_eq!(
        fix("â€œWe will not back down,â€\u{9d} said MarÃ\u{ad}a GonzÃ¡lez."),
        "\u{201c}We will not back down,\u{201d} said María González."
    );
    assert_eq!(
        fix("Prices rose to 12 â‚¬ â€” a record."),
        "Prices rose to 12 € — a record."
    );
}

#[test]
fn round_trips_realistic_sentences() {
    for s in [
        "Jürgen Müller, Bürgermeister von Köln, sagte: „Wir schaffen das.“",
        "«Ça suffit», a déclaré Hélène Lefèvre à l’Assemblée nationale.",
        "El señor Peña dijo que la reunión terminó a las 18:00 — sin acuerdo.",
        "The fund lost €4.2bn in 2023 – “a disaster,” said O’Brien.",
        "São Paulo e Brasília registraram temperaturas acima da média.",
    ] {
        assert_eq!(fix(&damage_1252(s)), s, "one layer 1252: {s}");
        assert_eq!(fix(&damage_latin1(&damage_1252(s))), s, "two layers: {s}");
        assert_eq!(
            fix(&damage_1252(&damage_1252(s))),
            s,
            "two layers 1252: {s}"
        );
    }
}

#[test]
fn repairs_single_letters_inside_words() {
    assert_eq!(
        fix("Il tasto j ricorda una freccia in giĂą."),
        "Il tasto j ricorda una freccia in giù."
    );
    assert_eq!(
        fix("---> C'ГЁ anche del testo che manca."),
        "---> C'è anche del testo che manca."
    );
    assert_eq!(
        fix("Una decisione piΓΉ rapida."),
        "Una decisione più rapida."
    );
    // One-letter words, and MacRoman / code page 437 at the start of words.
    assert_eq!(fix("La guida Γ¨ breve."), "La guida è breve.");
    assert_eq!(
        fix("Non importa dove ĆØ il cursore."),
        "Non importa dove è il cursore."
    );
    assert_eq!(
        fix("Die Taste √§hnelt einem Pfeil."),
        "Die Taste ähnelt einem Pfeil."
    );
    assert_eq!(
        fix("Du bist unsicher ├╝ber das."),
        "Du bist unsicher über das."
    );
    assert_eq!(fix("j (gi├╣) e k (su)"), "j (giù) e k (su)");
}

#[test]
fn prefers_the_code_page_without_capitals_inside_words() {
    // Windows-1250 and ISO-8859-2 both decode this; only ISO-8859-2 gives a lowercase letter.
    assert_eq!(
        fix("a muoverti molto piĂš rapidamente"),
        "a muoverti molto più rapidamente"
    );
    assert_eq!(fix("CosĆ¬ esci dall'Editor."), "Così esci dall'Editor.");
}

#[test]
fn fixes_inconsistent_segments() {
    assert_eq!(
        fix("Le Café says the Mona Lisa doesnâ€™t have eyebrows"),
        "Le Café says the Mona Lisa doesn\u{2019}t have eyebrows"
    );
}

#[test]
fn edits_are_local() {
    let text = "Ahead of the vote, JosÃ© said: â€œno.â€\u{9d}";
    let edits = fix_encoding(text, &CleanOptions::default());
    assert_eq!(edits.len(), 3);
    assert_eq!(&text[edits[0].start..edits[0].end], "Ã©");
    assert_eq!(edits[0].replacement, "é");
    assert_eq!(&text[edits[1].start..edits[1].end], "â€œ");
    assert_eq!(edits[1].replacement, "\u{201c}");
}

#[test]
fn genuine_text_is_never_changed() {
    for t in [
        "Le président a évoqué « une crise sans précédent » à Bruxelles.",
        "A reunião em São Paulo começou às 9h; não houve acordo.",
        "România, Brâncuși și Țiriac au fost menționați în articol.",
        "Ông ấy cân nhắc việc đầu tư vào Hà Nội.",
        "Ο πρωθυπουργός μίλησε στην Αθήνα για την οικονομία.",
        "Президент выступил в Москве с заявлением.",
        "東京都知事は記者会見で新しい政策を発表した。",
        "서울에서 열린 회의에서 합의가 이루어졌다.",
        "The team celebrated 🎉🏆 after the final whistle.",
        "Łódź, Kraków i Gdańsk: żółć, źdźbło.",
        "Straße, Größe, Übermaß — naïve coöperation.",
        "¿Dónde está el baño? ¡Aquí!",
        "Temperature: 25°C ± 2°, area 3 m², price £5 or ¥600.",
        "Čína a Číňané; Žít v Ústí; Šťastný Ďábel.",
        "PĂŞUNEA DIN ŢARA HAŢEGULUI; Ştefan cel Mare; Înalta Poartă.",
        "Şişli'de İĞNE ve ÇİĞ köfte; Ğ harfi.",
        "Ελλάδα: ΑΘΗΝΑ — Θεσσαλονίκη; «Ό,τι» ή «ό,τι».",
        "Ukrainian: Гімн, Ґанок, Їжак, Євген; Serbian: Ђорђе, Љубав, Њушка.",
        "Ärger über Öl: ÄÖÜ äöü ẞ ß.",
    ] {
        assert!(fix_encoding(t, &CleanOptions::default()).is_empty(), "{t}");
        assert_eq!(fix(t), t);
    }
}

#[test]
fn ascii_is_free() {
    assert!(fix_encoding(
        "Plain ASCII news text.\nSecond line.\n",
        &CleanOptions::default()
    )
    .is_empty());
}

/// A small deterministic generator, so hostile inputs are reproducible without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn assert_valid_edits(text: &str, edits: &[Edit]) {
    let mut pos = 0;
    for e in edits {
        assert!(
            e.start >= pos && e.start < e.end && e.end <= text.len(),
            "{e:?} in {text:?}"
        );
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        pos = e.end;
    }
}

#[test]
fn hostile_input_never_panics_and_edits_stay_valid() {
    let pool: Vec<char> = "ÃÂâ€œ™š¢£¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÉÎÐÑ×ØÙàáãäéëíîïðñòóôöùúüýþÿ\u{80}\u{81}\u{8d}\u{90}\u{9d}\u{93}\u{94}\u{85} a.?'\n\u{fffd}\u{1a}вЂГРСŠŒŽšœžŸƒˆ˜–—‘’‚“”„†‡•…‰‹›√≈╬║┬😀日"
        .chars()
        .collect();
    let mut rng = Lcg(42);
    let options = CleanOptions::default();
    for _ in 0..3000 {
        let len = 1 + rng.next(40);
        let text: String = (0..len).map(|_| pool[rng.next(pool.len())]).collect();
        let edits = fix_encoding(&text, &options);
        assert_valid_edits(&text, &edits);
        let (fixed, _) = apply_edits(&text, &edits);
        assert_valid_edits(&fixed, &fix_c1_controls(&fixed, &options));
        let _ = fix(&text);
    }
}

#[test]
fn long_hostile_lines_stay_linear() {
    let unit = "cafÃ© â€œÃƒÂ©â€\u{9d} Ã  \u{81}\u{fffd}? ";
    let text = unit.repeat(3000);
    let start = std::time::Instant::now();
    let edits = fix_encoding(&text, &CleanOptions::default());
    assert_valid_edits(&text, &edits);
    assert!(!edits.is_empty());
    // Generous even for an unoptimised build on a busy machine.
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// UTF-8 bytes of `text` read with `page`.
fn damage(text: &str, page: codepages::CodePage) -> String {
    text.bytes().map(|b| page.decode_byte(b)).collect()
}

#[test]
fn repairs_every_code_page() {
    use codepages::CodePage::*;
    let french = "Le ministre a déclaré : « Nous irons jusqu’au bout. »";
    for page in [
        Windows1252,
        Windows1251,
        Windows1250,
        Windows1253,
        Windows1254,
        Windows1257,
        Iso8859_2,
        MacRoman,
        Cp437,
    ] {
        let damaged = damage(french, page);
        assert_ne!(damaged, french);
        assert_eq!(fix(&damaged), french, "{page:?}: {damaged}");
    }
    let russian = "Привет, мир — новости дня";
    for page in [Windows1251, MacRoman, Cp437] {
        assert_eq!(fix(&damage(russian, page)), russian, "{page:?}");
    }
    let greek = "Η κυβέρνηση ανακοίνωσε μέτρα";
    for page in [Iso8859_2, MacRoman, Cp437] {
        assert_eq!(fix(&damage(greek, page)), greek, "{page:?}");
    }
    let polish = "Zażółć gęślą jaźń";
    for page in [Windows1252, Windows1250, Iso8859_2, MacRoman] {
        assert_eq!(fix(&damage(polish, page)), polish, "{page:?}");
    }
}

#[test]
fn restores_no_break_space_bytes() {
    assert_eq!(fix("voilÃ le travail"), "voilà le travail");
    assert_eq!(fix("Il est allÃ© Ã  Paris"), "Il est allé à Paris");
    let options = CleanOptions {
        restore_byte_a0: false,
        ..CleanOptions::default()
    };
    assert!(fix_encoding("voilÃ le travail", &options).is_empty());
}

#[test]
fn lossy_sequences_become_replacement_characters() {
    assert_eq!(
        fix("He said â€œhiâ€\u{fffd} and left"),
        "He said \u{201c}hi\u{fffd} and left"
    );
}

#[test]
fn lossy_option_off_keeps_the_remnants() {
    let options = CleanOptions {
        replace_lossy_sequences: false,
        ..CleanOptions::default()
    };
    let text = "He said â€œhiâ€\u{fffd} and left";
    let (out, _) = apply_edits(text, &fix_encoding(text, &options));
    assert!(out.contains("\u{201c}hi"), "{out}");
    assert!(out.contains("â€\u{fffd}"), "{out}");
}

#[test]
fn utf8_variants() {
    // CESU-8 emoji and Java's NUL, read as Latin-1.
    assert_eq!(
        fix("emoji \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{80} here"),
        "emoji \u{1F600} here"
    );
}

#[test]
fn inconsistent_segments_respect_the_option() {
    let text = "Le Café says the Mona Lisa doesnâ€™t have eyebrows";
    let options = CleanOptions {
        decode_inconsistent_utf8: false,
        ..CleanOptions::default()
    };
    assert!(fix_encoding(text, &options).is_empty());
    assert!(!fix_encoding(text, &CleanOptions::default()).is_empty());
}

#[test]
fn lines_are_independent() {
    let text = "Genuine: São Paulo, “quoted”.\nDamaged: SÃ£o Paulo, â€œquotedâ€\u{9d}.\n";
    assert_eq!(
        fix(text),
        "Genuine: São Paulo, “quoted”.\nDamaged: São Paulo, “quoted”.\n"
    );
}

#[test]
fn three_layers_deep() {
    let s = "Ce n’est pas fini, a dit Zoé.";
    let three = damage(
        &damage(
            &damage(s, codepages::CodePage::Windows1252),
            codepages::CodePage::Windows1252,
        ),
        codepages::CodePage::Windows1252,
    );
    assert_eq!(fix(&three), s);
    // One edit per repaired character, each covering all the mojibake it came from.
    let edits = fix_encoding(&three, &CleanOptions::default());
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[1].replacement, "é");
}

#[test]
fn vietnamese_a_grave_stays_inside_words() {
    // Windows-1250 mojibake whose no-break spaces became spaces.
    assert_eq!(
        fix("Xem clip hĂ i, phim hĂ i má»›i hay nháşĄt"),
        "Xem clip hài, phim hài mới hay nhất"
    );
    // French keeps "à" as a word.
    assert_eq!(
        fix("Il est parti Ã Lyon, dÃ©jÃ fatiguÃ©."),
        "Il est parti à Lyon, déjà fatigué."
    );
}

#[test]
fn arabic_digits_that_lost_their_no_break_space() {
    assert_eq!(fix("أكثر Ù…Ù† Ù Ù Ù¡ Ø¨Ù„Ø¯"), "أكثر من ٠٠١ بلد");
}

#[test]
fn explanations_and_alignment_point_at_the_mojibake() {
    use crate::clean::clean_explained;
    let text = "Ministers met in ZÃ¼rich â€” again.";
    let cleaned = clean_explained(text, &CleanOptions::default(), true);
    assert_eq!(cleaned.text, "Ministers met in Zürich — again.");
    let encoding_fixes: Vec<_> = cleaned
        .fixes
        .iter()
        .filter(|f| f.step == "fix_encoding")
        .collect();
    assert_eq!(encoding_fixes.len(), 2);
    assert_eq!(encoding_fixes[0].before, "Ã¼");
    assert_eq!(encoding_fixes[0].after, "ü");
    assert_eq!(encoding_fixes[1].before, "â€”");
    // "Zürich" in the output maps back to "ZÃ¼rich" in the input.
    let z = cleaned.text.find("Zürich").unwrap_or(0);
    let (s, e) = cleaned.alignment.span_to_original(z, z + "Zürich".len());
    assert_eq!(&text[s..e], "ZÃ¼rich");
}

/// The edits of the general repair for one damaged line, as `fix_line` would make them.
fn general_edits(line: &str) -> Vec<Edit> {
    let (mut pieces, mut compact) = (Vec::new(), String::new());
    compact_line(line, 0, line.len(), &mut pieces, &mut compact);
    let mut edits = Vec::new();
    let options = CleanOptions::default();
    if let Some(fixed) = fix_pieces(
        &pieces,
        &compact,
        &options,
        Guard::Plausible,
        Looks::Bad(None),
    ) {
        push_edits(line, &fixed, &mut edits);
    }
    edits
}

#[test]
fn direct_repair_agrees_with_the_general_one() {
    use codepages::CodePage::*;
    let sentences = [
        "“We will not be lectured,” the minister said on Tuesday — and then she left.",
        "Britain’s farmers say the deal is “a betrayal”… but the union’s chief disagrees.",
        "Le ministre a déclaré : « Nous irons jusqu’au bout. » Puis il est parti à la gare.",
        "São Paulo’s mayor, João Dória, spoke at the “Fórum” in the Praça da Sé • Live",
        "Zażółć gęślą jaźń — said the Łódź councillor, “naprawdę”.",
        "Привет, мир — новости дня: «Москва»",
        "The price rose to €2.5bn ™ in the first half ‘of the year’, up 3½ per cent.",
        "Ông ấy nói rằng “hài lòng” với kết quả này.",
        "à la carte — the chef said “voilà” as he served the crème brûlée at 10 a.m.",
    ];
    let mut taken = 0;
    for s in sentences {
        let once: Vec<String> = [
            Latin1,
            Windows1252,
            Windows1250,
            Windows1251,
            MacRoman,
            Cp437,
        ]
        .iter()
        .map(|&p| damage(s, p))
        .collect();
        let mut lines = once.clone();
        lines.extend(once.iter().map(|d| damage(d, Windows1252)));
        lines.push(damage(s, Windows1252).replace('\u{a0}', " "));
        lines.push(format!("{s} {}", damage(s, Windows1252)));
        lines.push(damage(s, Windows1252).replace('\u{9d}', "?"));
        for line in lines.iter().filter(|l| badness::is_bad(l)) {
            let (mut pieces, mut compact) = (Vec::new(), String::new());
            compact_line(line, 0, line.len(), &mut pieces, &mut compact);
            let mut direct = Vec::new();
            if direct::fix_directly(&pieces, &compact, &CleanOptions::default(), &mut direct) {
                taken += 1;
                assert_eq!(direct, general_edits(line), "{line}");
            } else {
                assert!(direct.is_empty(), "{line}");
            }
        }
    }
    // The direct path must be the common one, or it is not worth having.
    assert!(taken >= 20, "direct repair taken {taken} times");
}
