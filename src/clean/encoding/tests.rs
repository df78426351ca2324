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
        fix("â€œWe will not back down,â€\u{9d} said MarÃ­a GonzÃ¡lez."),
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
