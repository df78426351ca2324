//! Throughput of the mojibake repair step (`encoding::fix_encoding`) and of the whole
//! `fix_text` pipeline on PolNeAR dev articles, clean and in every damage mode of
//! `../shared/eval/damage.py` (reproduced here byte for byte).
//!
//!     cargo bench --bench encoding_throughput [-- MODE...]
//!
//! Skips with a note when `../shared` is absent.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use saidwho::clean::{encoding, fix_text, CleanOptions};

const MODES: [&str; 7] = [
    "c1-stripped",
    "latin1",
    "cp1252",
    "cp1252-twice",
    "cp1252-nbsp",
    "html",
    "macroman",
];

/// Windows-1252 bytes 80..9F, with the five undefined bytes kept as C1 controls (as
/// damage.py's `sloppy_cp1252`). Bytes A0..FF are Latin-1.
const CP1252_HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

/// Mac OS Roman bytes 80..FF, as Python's `mac_roman` codec reads them.
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// Python's `html.entities.codepoint2name` for non-ASCII characters: "hex:name" pairs.
const ENTITY_NAMES: &str =
    "a0:nbsp a1:iexcl a2:cent a3:pound a4:curren a5:yen a6:brvbar a7:sect a8:uml a9:copy \
    aa:ordf ab:laquo ac:not ad:shy ae:reg af:macr b0:deg b1:plusmn b2:sup2 b3:sup3 b4:acute \
    b5:micro b6:para b7:middot b8:cedil b9:sup1 ba:ordm bb:raquo bc:frac14 bd:frac12 \
    be:frac34 bf:iquest c0:Agrave c1:Aacute c2:Acirc c3:Atilde c4:Auml c5:Aring c6:AElig \
    c7:Ccedil c8:Egrave c9:Eacute ca:Ecirc cb:Euml cc:Igrave cd:Iacute ce:Icirc cf:Iuml \
    d0:ETH d1:Ntilde d2:Ograve d3:Oacute d4:Ocirc d5:Otilde d6:Ouml d7:times d8:Oslash \
    d9:Ugrave da:Uacute db:Ucirc dc:Uuml dd:Yacute de:THORN df:szlig e0:agrave e1:aacute \
    e2:acirc e3:atilde e4:auml e5:aring e6:aelig e7:ccedil e8:egrave e9:eacute ea:ecirc \
    eb:euml ec:igrave ed:iacute ee:icirc ef:iuml f0:eth f1:ntilde f2:ograve f3:oacute \
    f4:ocirc f5:otilde f6:ouml f7:divide f8:oslash f9:ugrave fa:uacute fb:ucirc fc:uuml \
    fd:yacute fe:thorn ff:yuml 152:OElig 153:oelig 160:Scaron 161:scaron 178:Yuml 192:fnof \
    2c6:circ 2dc:tilde 391:Alpha 392:Beta 393:Gamma 394:Delta 395:Epsilon 396:Zeta 397:Eta \
    398:Theta 399:Iota 39a:Kappa 39b:Lambda 39c:Mu 39d:Nu 39e:Xi 39f:Omicron 3a0:Pi 3a1:Rho \
    3a3:Sigma 3a4:Tau 3a5:Upsilon 3a6:Phi 3a7:Chi 3a8:Psi 3a9:Omega 3b1:alpha 3b2:beta \
    3b3:gamma 3b4:delta 3b5:epsilon 3b6:zeta 3b7:eta 3b8:theta 3b9:iota 3ba:kappa 3bb:lambda \
    3bc:mu 3bd:nu 3be:xi 3bf:omicron 3c0:pi 3c1:rho 3c2:sigmaf 3c3:sigma 3c4:tau 3c5:upsilon \
    3c6:phi 3c7:chi 3c8:psi 3c9:omega 3d1:thetasym 3d2:upsih 3d6:piv 2002:ensp 2003:emsp \
    2009:thinsp 200c:zwnj 200d:zwj 200e:lrm 200f:rlm 2013:ndash 2014:mdash 2018:lsquo \
    2019:rsquo 201a:sbquo 201c:ldquo 201d:rdquo 201e:bdquo 2020:dagger 2021:Dagger 2022:bull \
    2026:hellip 2030:permil 2032:prime 2033:Prime 2039:lsaquo 203a:rsaquo 203e:oline \
    2044:frasl 20ac:euro 2111:image 2118:weierp 211c:real 2122:trade 2135:alefsym 2190:larr \
    2191:uarr 2192:rarr 2193:darr 2194:harr 21b5:crarr 21d0:lArr 21d1:uArr 21d2:rArr \
    21d3:dArr 21d4:hArr 2200:forall 2202:part 2203:exist 2205:empty 2207:nabla 2208:isin \
    2209:notin 220b:ni 220f:prod 2211:sum 2212:minus 2217:lowast 221a:radic 221d:prop \
    221e:infin 2220:ang 2227:and 2228:or 2229:cap 222a:cup 222b:int 2234:there4 223c:sim \
    2245:cong 2248:asymp 2260:ne 2261:equiv 2264:le 2265:ge 2282:sub 2283:sup 2284:nsub \
    2286:sube 2287:supe 2295:oplus 2297:otimes 22a5:perp 22c5:sdot 2308:lceil 2309:rceil \
    230a:lfloor 230b:rfloor 2329:lang 232a:rang 25ca:loz 2660:spades 2663:clubs 2665:hearts \
    2666:diams";

fn sloppy_cp1252(bytes: &[u8]) -> String {
    let high: Vec<char> = CP1252_HIGH.chars().collect();
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => high[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn damage(text: &str, mode: &str, names: &[(u32, &str)]) -> String {
    let raw = text.as_bytes();
    match mode {
        "c1-stripped" => raw
            .iter()
            .map(|&b| char::from(b))
            .filter(|c| !('\u{80}'..='\u{9f}').contains(c))
            .collect(),
        "latin1" => raw.iter().map(|&b| char::from(b)).collect(),
        "cp1252" => sloppy_cp1252(raw),
        "cp1252-twice" => sloppy_cp1252(sloppy_cp1252(raw).as_bytes()),
        "cp1252-nbsp" => sloppy_cp1252(raw).replace('\u{a0}', " "),
        "html" => text
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    return c.to_string();
                }
                let cp = u32::from(c);
                match names.binary_search_by_key(&cp, |&(k, _)| k) {
                    Ok(i) => format!("&{};", names[i].1),
                    Err(_) => format!("&#{cp};"),
                }
            })
            .collect(),
        "macroman" => {
            let high: Vec<char> = MAC_ROMAN_HIGH.chars().collect();
            raw.iter()
                .map(|&b| match b {
                    0x80..=0xFF => high[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect()
        }
        _ => text.to_owned(),
    }
}

fn entity_names() -> Vec<(u32, &'static str)> {
    ENTITY_NAMES
        .split_whitespace()
        .filter_map(|pair| {
            let (hex, name) = pair.split_once(':')?;
            Some((u32::from_str_radix(hex, 16).ok()?, name))
        })
        .collect()
}

/// Unique articles of the dev split, as bench_clean.py reads them.
fn load_dev() -> Option<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found, skipping", path.display());
        return None;
    };
    let mut seen = HashSet::new();
    let mut texts = Vec::new();
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let article = v["article"].as_str().unwrap_or_default().to_owned();
        if let Some(text) = v["text"].as_str() {
            if seen.insert(article) {
                texts.push(text.to_owned());
            }
        }
    }
    Some(texts)
}

/// MB of input per second, best of several trials (the machine is shared: the best run is
/// the least disturbed).
fn mb_per_s(docs: &[String], f: &dyn Fn(&str) -> usize) -> f64 {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut passes = 1;
    // Aim for trials of about 0.2 s.
    loop {
        let start = Instant::now();
        for _ in 0..passes {
            for d in docs {
                black_box(f(black_box(d)));
            }
        }
        if start.elapsed().as_secs_f64() > 0.05 || passes > 1 << 12 {
            passes =
                (passes as f64 * 0.2 / start.elapsed().as_secs_f64().max(1e-6)).ceil() as usize;
            break;
        }
        passes *= 2;
    }
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..passes {
            for d in docs {
                black_box(f(black_box(d)));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    (bytes * passes) as f64 / 1e6 / best
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let Some(clean) = load_dev() else {
        return;
    };
    let names = entity_names();
    let options = CleanOptions::ftfy();
    let mut corpus: Vec<String> = clean.clone();
    println!(
        "{:<14} {:>8} {:>16} {:>14}",
        "mode", "MB", "fix_encoding", "fix_text"
    );
    for mode in std::iter::once("clean").chain(MODES) {
        let docs: Vec<String> = clean.iter().map(|t| damage(t, mode, &names)).collect();
        if mode != "clean" {
            corpus.extend(docs.iter().cloned());
        }
        if !wanted.is_empty() && !wanted.iter().any(|w| w == mode) {
            continue;
        }
        let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let step = mb_per_s(&docs, &|d| encoding::fix_encoding(d, &options).len());
        let whole = mb_per_s(&docs, &|d| fix_text(d).len());
        println!("{mode:<14} {mb:>8.2} {step:>11.0} MB/s {whole:>9.0} MB/s");
    }
    if wanted.is_empty() || wanted.iter().any(|w| w == "all") {
        let mb = corpus.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let step = mb_per_s(&corpus, &|d| encoding::fix_encoding(d, &options).len());
        let whole = mb_per_s(&corpus, &|d| fix_text(d).len());
        println!(
            "{:<14} {mb:>8.2} {step:>11.0} MB/s {whole:>9.0} MB/s",
            "all"
        );
    }
}
