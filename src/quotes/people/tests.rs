//! The people table and the resolution of mentions on short articles.

use super::*;
use crate::quotes::marks::{quoted_spans, MarkSet};

fn people_of(t: &str) -> Vec<Person> {
    let spans = quoted_spans(t, MarkSet::EVERY);
    People::of(&Document::new(t, &spans)).into_people()
}

#[test]
fn names_titles_and_offices() {
    let t = "Prime Minister Keir Starmer met Donald Trump on Monday. Mr Trump said little. \
             Sir Keir later spoke to the Ukrainian leader.";
    let p = people_of(t);
    let names: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, vec!["Keir Starmer", "Donald Trump"]);
    assert!(p[0].aliases.contains(&"the prime minister".to_string()));
    assert!(p[0].aliases.contains(&"Sir Keir".to_string()));
    assert!(p[1].aliases.contains(&"Mr Trump".to_string()));
}

#[test]
fn places_and_organisations_are_not_people() {
    let t = "The White House and the Oval Office faced Downing Street. The New York Post said so.";
    assert!(people_of(t).is_empty());
}

#[test]
fn a_first_name_that_is_also_an_organisation_word_opens_a_name() {
    // `bill` and `virginia` name things too (`the Senate Bill`, `West Virginia`).
    let t = "Mayor Bill Hanley met Virginia Castillo in Riverside. The Senate Bill failed in \
             West Virginia.";
    let names: Vec<String> = people_of(t).into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["Bill Hanley", "Virginia Castillo"]);
}

/// `f` of the article `t` and its people table.
fn with_people<R>(t: &str, f: impl FnOnce(&Document, &People) -> R) -> R {
    let spans = quoted_spans(t, MarkSet::EVERY);
    let doc = Document::new(t, &spans);
    let people = People::of(&doc);
    f(&doc, &people)
}

/// The name and the trail of the last occurrence of `mention` in `t`, as `text (link)` steps.
fn trail(t: &str, mention: &str) -> (Option<String>, Vec<String>) {
    let at = t.rfind(mention).expect("the mention is in the text");
    let (name, steps) = with_people(t, |doc, people| {
        people.resolve_trail_at_bytes(doc, at, at + mention.len())
    });
    let steps = steps
        .iter()
        .map(|s| format!("{} ({})", s.text, s.link))
        .collect();
    (name, steps)
}

#[test]
fn a_pronoun_leads_to_the_last_person_named_then_to_the_full_name() {
    let t = "Health Secretary Maria Okonjo visited the hospital on Tuesday. Ms Okonjo praised \
             the nurses. She said the ward would stay open.";
    let (name, steps) = trail(t, "She");
    assert_eq!(name.as_deref(), Some("Maria Okonjo"));
    assert_eq!(
        steps,
        [
            "She (mention)",
            "Ms Okonjo (pronoun_antecedent)",
            "Maria Okonjo (title_and_surname)"
        ]
    );
}

#[test]
fn a_surname_and_an_honorific_lead_to_the_full_name() {
    let t = "Tom Reyes, the mayor of Eastbrook, opened the bridge on Friday. Reyes said it was \
             long overdue. Mr Reyes thanked the builders.";
    let before_mr = t.split(" Mr").next().unwrap_or(t);
    let (name, steps) = trail(before_mr, "Reyes");
    assert_eq!(name.as_deref(), Some("Tom Reyes"));
    assert_eq!(
        steps,
        ["Reyes (mention)", "Tom Reyes (surname_of_full_name)"]
    );
    let (_, steps) = trail(t, "Mr Reyes");
    assert_eq!(
        steps,
        ["Mr Reyes (mention)", "Tom Reyes (title_and_surname)"]
    );
}

#[test]
fn a_knight_is_named_by_the_first_name() {
    let t = "Sir Alan Pike chairs the inquiry. Sir Alan said the report was late.";
    let (name, steps) = trail(t, "Sir Alan");
    assert_eq!(name.as_deref(), Some("Alan Pike"));
    assert_eq!(
        steps,
        ["Sir Alan (mention)", "Alan Pike (title_and_first_name)"]
    );
}

#[test]
fn an_office_leads_to_its_holder() {
    let t = "Prime Minister Helen Carter flew to Oslo on Monday. The Prime Minister said the \
             talks had gone well.";
    let (name, steps) = trail(t, "The Prime Minister");
    assert_eq!(name.as_deref(), Some("Helen Carter"));
    assert_eq!(
        steps,
        [
            "The Prime Minister (mention)",
            "Helen Carter (office_holder)"
        ]
    );
    let (_, steps) = trail(t, "Prime Minister Helen Carter");
    assert_eq!(
        steps,
        [
            "Prime Minister Helen Carter (mention)",
            "Helen Carter (name_without_titles)"
        ]
    );
}

#[test]
fn a_name_inside_a_longer_mention() {
    let t = "Dana Whitfield ran the count. Veteran strategist Dana Whitfield said turnout fell.";
    let (name, steps) = trail(t, "Veteran strategist Dana Whitfield");
    assert_eq!(name.as_deref(), Some("Dana Whitfield"));
    assert_eq!(
        steps,
        [
            "Veteran strategist Dana Whitfield (mention)",
            "Dana Whitfield (name_in_mention)"
        ]
    );
}

#[test]
fn people_of_a_place_are_not_the_place() {
    let t = "Crowds filled Cleveland. Organizers in Cleveland said the rules were strict.";
    let (name, _) = trail(t, "Organizers in Cleveland");
    assert_eq!(name.as_deref(), Some("Organizers in Cleveland"));
    let t = "Dana Sanders spoke in Ohio. Sanders in Ohio said the rules were strict.";
    let (name, _) = trail(t, "Sanders in Ohio");
    assert_eq!(name.as_deref(), Some("Dana Sanders"));
}

#[test]
fn a_relative_pronoun_leads_to_the_phrase_it_follows() {
    let t = "Greta Lund opened the fair. “It is a start,” said Ms Lund, who added that more \
             stalls would come.";
    let (name, steps) = trail(t, "who");
    assert_eq!(name.as_deref(), Some("Greta Lund"));
    assert_eq!(
        steps,
        [
            "who (mention)",
            "Ms Lund (relative_antecedent)",
            "Greta Lund (title_and_surname)"
        ]
    );
}

#[test]
fn a_mention_that_names_nobody_is_its_own_trail() {
    let t = "The depot closed on Monday. A council spokesman said the road would reopen.";
    let (name, steps) = trail(t, "A council spokesman");
    assert_eq!(name.as_deref(), Some("A council spokesman"));
    assert_eq!(steps, ["A council spokesman (mention)"]);
    // A pronoun nobody can be found for: no name, the mention alone.
    let (name, steps) = trail("They said the road would reopen.", "They");
    assert_eq!(name, None);
    assert_eq!(steps, ["They (mention)"]);
}

#[test]
fn quotes_carry_the_trail_of_their_mention() {
    let t = "Health Secretary Maria Okonjo visited the hospital on Tuesday. Ms Okonjo praised \
             the nurses. “The ward will stay open,” she said.";
    let quotes = crate::quotes::extract(t, &crate::quotes::QuoteOptions::default());
    let q = quotes
        .iter()
        .find(|q| q.text.starts_with("The ward"))
        .expect("the quote");
    assert_eq!(q.speaker.as_deref(), Some("Maria Okonjo"));
    let links: Vec<&str> = q.resolution.iter().map(|s| s.link).collect();
    assert_eq!(
        links,
        ["mention", "pronoun_antecedent", "title_and_surname"]
    );
    // Reported speech too.
    let t = "Health Secretary Maria Okonjo visited the hospital on Tuesday. Ms Okonjo said the \
             ward would stay open.";
    let quotes = crate::quotes::extract(t, &crate::quotes::QuoteOptions::default());
    let q = quotes
        .iter()
        .find(|q| q.kind == crate::quotes::QuoteKind::Indirect)
        .expect("the reported clause");
    let steps: Vec<(&str, &str)> = q
        .resolution
        .iter()
        .map(|s| (s.text.as_str(), s.link))
        .collect();
    assert_eq!(
        steps,
        [
            ("Ms Okonjo", "mention"),
            ("Maria Okonjo", "title_and_surname")
        ]
    );
}

/// Every phrase the mention finders return on the bundled articles (and the seed article,
/// when `../shared` is present), and every single word: the trail reaches the name `resolve`
/// gives, and ends with it.
#[test]
fn the_trail_agrees_with_resolve_on_every_mention() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(root.join("examples"))
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".clean.txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!texts.is_empty());
    if let Ok(seed) = std::fs::read_to_string(root.join("../shared/seed/article.clean.txt")) {
        texts.push(seed);
    }
    let mut checked = 0;
    for text in &texts {
        checked += with_people(text, agree_on_every_mention);
    }
    assert!(checked > 1000, "{checked} mentions checked");
}

#[test]
fn every_link_is_documented() {
    let docs = include_str!("../../../docs/rules.md");
    for name in resolution_links::ALL {
        assert!(
            docs.contains(&format!("| `{name}` |")),
            "docs/rules.md does not document the resolution link `{name}`"
        );
    }
}

#[test]
fn link_names_are_unique_snake_case() {
    let mut seen = std::collections::HashSet::new();
    for name in resolution_links::ALL {
        assert!(seen.insert(name), "{name} twice");
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}"
        );
    }
}

/// [`People::resolve`] and [`People::resolve_trail`] on every phrase the mention finders return
/// and every single word of `doc`; returns how many mentions were checked.
fn agree_on_every_mention(doc: &Document, people: &People) -> usize {
    let n = doc.tokens.len();
    let mut checked = 0;
    for i in 0..n {
        let ranges = [
            Some((i, i + 1)),
            crate::quotes::mentions::np_ending_at(doc, i + 1, i.saturating_sub(20)),
            crate::quotes::mentions::np_starting_at(doc, i, n),
            crate::quotes::mentions::subject_before(doc, i, i.saturating_sub(40)),
        ];
        for (s, e) in ranges.into_iter().flatten() {
            let name = people.resolve(doc, s, e);
            let (traced, steps) = people.resolve_trail(doc, s, e);
            assert_eq!(traced, name, "{:?}", doc.byte_span((s, e)));
            assert!(
                !steps.is_empty(),
                "no trail for {:?}",
                doc.byte_span((s, e))
            );
            assert!(steps
                .iter()
                .all(|s| resolution_links::ALL.contains(&s.link)));
            if let Some(name) = &name {
                assert_eq!(steps.last().map(|s| s.text.as_str()), Some(name.as_str()));
            }
            let (at_bytes, _) =
                people.resolve_trail_at_bytes(doc, doc.tokens[s].start, doc.tokens[e - 1].end);
            assert_eq!(at_bytes, name);
            checked += 1;
        }
    }
    checked
}

#[test]
fn the_antecedent_weights_were_trained_with_the_codes_templates() {
    let table = include_str!("antecedent_weights.tsv");
    assert_eq!(
        crate::quotes::model::check_table(table, &super::antecedents::TEMPLATES),
        Ok(())
    );
}

#[test]
fn a_pronoun_agrees_in_gender_with_the_person_it_names() {
    // Carlos is a man's name and Ana a woman's: `he` is Carlos although Ana is named first.
    let text = "Ana Ruiz met Carlos Vega on Tuesday. “We agreed on nothing,” he said.";
    let spans = crate::quotes::marks::quoted_spans(text, crate::quotes::marks::MarkSet::EVERY);
    let doc = Document::new(text, &spans);
    let people = People::of(&doc);
    let at = text.find("he said").expect("he said");
    let (name, _) = people.resolve_trail_at_bytes(&doc, at, at + 2);
    assert_eq!(name.as_deref(), Some("Carlos Vega"));
    let text = "Ana Ruiz met Carlos Vega on Tuesday. “We agreed on nothing,” she said.";
    let doc = Document::new(text, &spans);
    let people = People::of(&doc);
    let at = text.find("she said").expect("she said");
    let (name, _) = people.resolve_trail_at_bytes(&doc, at, at + 3);
    assert_eq!(name.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn the_article_tells_a_persons_gender_by_the_pronouns_after_naming_them() {
    // `Tyresha` is in no list of first names: the article's own `she` after naming her alone
    // says it, so a later `she` is not the man named in between.
    let text = "Tyresha Okonkwo runs the food bank. She opened it in 2019. \
                Governor Paul Hart visited on Monday. “We need more volunteers,” she said.";
    let spans = crate::quotes::marks::quoted_spans(text, crate::quotes::marks::MarkSet::EVERY);
    let doc = Document::new(text, &spans);
    let people = People::of(&doc);
    let at = text.find("she said").expect("she said");
    let (name, _) = people.resolve_trail_at_bytes(&doc, at, at + 3);
    assert_eq!(name.as_deref(), Some("Tyresha Okonkwo"));
}

/// The speaker `mention` of `text` (its first occurrence after `after`) resolves to.
fn resolved(text: &str, after: &str, mention: &str) -> Option<String> {
    let spans = quoted_spans(text, MarkSet::EVERY);
    let doc = Document::new(text, &spans);
    let people = People::of(&doc);
    let from = text.find(after).expect("anchor in text");
    let at = from + text[from..].find(mention).expect("mention in text");
    people
        .resolve_trail_at_bytes(&doc, at, at + mention.len())
        .0
}

#[test]
fn a_person_of_a_body_is_the_person() {
    let text = "Dr. Lena Fischer of the WHO said that the outbreak was under control.";
    assert_eq!(
        resolved(text, "", "Dr. Lena Fischer of the WHO").as_deref(),
        Some("Lena Fischer")
    );
}

#[test]
fn a_role_before_a_full_name_is_no_part_of_it() {
    let text = "Librarian Joanne Whitfield said the branch would close. “We have no choice,” \
                Whitfield said.";
    assert_eq!(
        resolved(text, "choice", "Whitfield").as_deref(),
        Some("Joanne Whitfield")
    );
}

#[test]
fn the_spokesman_is_the_spokesman_introduced_before() {
    let text = "A spokesman for the Prime Minister said the talks would resume. “We are \
                hopeful,” the spokesman added.";
    assert_eq!(
        resolved(text, "hopeful", "the spokesman").as_deref(),
        Some("A spokesman for the Prime Minister")
    );
}

#[test]
fn who_after_a_party_label_is_the_senator() {
    let text = "Sen. Tom Whitaker, R-Ohio, who had threatened to block the measure, said it \
                was fair.";
    assert_eq!(
        resolved(text, "R-Ohio", "who").as_deref(),
        Some("Tom Whitaker")
    );
    // An adverb may open the apposition; the office named in it is not the person.
    let text = "Governor Ada Quist met Rafael Moreno, now the party's treasurer, who said it \
                was fair.";
    assert_eq!(
        resolved(text, "treasurer", "who").as_deref(),
        Some("Rafael Moreno")
    );
}

#[test]
fn an_age_names_the_person_given_it() {
    let text = "Maria Okafor, 34, runs the clinic. Her partner, Tom Hale, 41, keeps the books. \
                “We need help,” the 34-year-old said.";
    assert_eq!(
        resolved(text, "help", "the 34-year-old").as_deref(),
        Some("Maria Okafor")
    );
    // An apposition may give the age.
    let text = "Maria Okafor, a 52-year-old nurse from Leeds, waited for hours. Tom Hale, a \
                retired 70-year-old, waited too. “We need help,” the 52-year-old said.";
    assert_eq!(
        resolved(text, "help", "the 52-year-old").as_deref(),
        Some("Maria Okafor")
    );
}

#[test]
fn an_age_nobody_was_given_is_an_epithet_for_somebody_named() {
    // The article never gave Ines Varga's age: `the 41-year-old mother of two` is still her,
    // the woman it is talking about, not the man named after her.
    let text = "Ines Varga, the county's new health director, toured the clinic on Monday with \
                Mayor Tom Hale. Asked about the waiting lists, the 41-year-old mother of two \
                said, “We will hire more nurses.”";
    assert_eq!(
        resolved(text, "waiting lists", "the 41-year-old mother of two").as_deref(),
        Some("Ines Varga")
    );
    // Without a gendered noun, the person named nearest.
    let text = "Tom Hale opened the meeting. Later Ines Varga took the floor, and the \
                41-year-old said, “We will hire more nurses.”";
    assert_eq!(
        resolved(text, "took the floor", "the 41-year-old").as_deref(),
        Some("Ines Varga")
    );
    // An earlier `a 41-year-old …` introduced somebody the article does not name.
    let text = "Ines Varga toured the clinic. A 41-year-old woman in the queue stopped her. \
                “We have waited for months,” the 41-year-old said.";
    assert_eq!(
        resolved(text, "months", "the 41-year-old").as_deref(),
        Some("the 41-year-old")
    );
}

#[test]
fn a_description_set_after_a_name_names_that_person() {
    let text = "Maria Okafor, a retired nurse from Leeds, waited for hours. Tom Hale, an \
                unemployed welder, waited too. “We need help,” the nurse said. “So do I,” the \
                welder said. “Me too,” the teacher said.";
    assert_eq!(
        resolved(text, "help", "the nurse").as_deref(),
        Some("Maria Okafor")
    );
    assert_eq!(
        resolved(text, "So do I", "the welder").as_deref(),
        Some("Tom Hale")
    );
    // Nobody was described as a teacher.
    assert_eq!(
        resolved(text, "Me too", "the teacher").as_deref(),
        Some("the teacher")
    );
    // Two people described alike: a reader cannot tell which.
    let text = "Maria Okafor, a nurse, and Ruth Bell, a nurse from York, waited. “We need \
                help,” the nurse said.";
    let who = resolved(text, "help", "the nurse");
    assert_ne!(who.as_deref(), Some("Maria Okafor"));
    assert_ne!(who.as_deref(), Some("Ruth Bell"));
}

#[test]
fn i_in_a_letter_is_its_signer_and_in_an_op_ed_its_author() {
    let letters = "LETTERS\n\nI cannot believe the council closed the library.\n\nRuth \
                   Adeyemi.\n\nI think the council was right.\n\nPaul Greer.";
    assert_eq!(resolved(letters, "", "I").as_deref(), Some("Ruth Adeyemi"));
    assert_eq!(
        resolved(letters, "Ruth", "I").as_deref(),
        Some("Paul Greer")
    );
    let op_ed = "My father never trusted banks.\n\nI grew up in a small town.\n\nNora Kale is \
                 a writer in Leeds.";
    assert_eq!(resolved(op_ed, "banks", "I").as_deref(), Some("Nora Kale"));
    assert_eq!(
        resolved(op_ed, "", "My father").as_deref(),
        Some("Nora Kale’s father")
    );
}

#[test]
fn it_that_speaks_is_the_organisation_named_before() {
    let text = "The International Monetary Fund cut its forecast on Tuesday. “Risks remain \
                high,” it said.";
    assert_eq!(
        resolved(text, "high", "it").as_deref(),
        Some("The International Monetary Fund")
    );
}

#[test]
fn a_title_with_an_of_phrase_is_no_part_of_the_name() {
    let t = "Secretary of State Marta L. Quill arrived on Monday. Director of National \
             Intelligence Owen Hale met her. The Secretary of State left.";
    let p = people_of(t);
    let names: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, vec!["Marta L. Quill", "Owen Hale"]);
}

#[test]
fn a_particle_inside_a_name_keeps_the_name_and_its_office() {
    let t = "Mayor Bill de Ruyter called the blast deliberate. The mayor spoke for an hour.";
    let p = people_of(t);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Bill de Ruyter");
    assert!(p[0].aliases.contains(&"the mayor".to_string()));
}

#[test]
fn a_first_name_before_a_noun_is_a_place_or_a_modifier_not_a_speaker() {
    // `Chelsea` is a first name, and a verb of saying stands before it; the noun after it says
    // it modifies `explosion`.
    let t = "Officials say Chelsea explosion was deliberate. Paula Grant led the inquiry.";
    let names: Vec<String> = people_of(t).into_iter().map(|p| p.name).collect();
    assert_eq!(names, vec!["Paula Grant"]);
}

#[test]
fn a_pronoun_knows_whom_the_pronoun_before_it_was_taken_for() {
    let t = "Senator Ray Harlan stumbled again this week.\n\nFormer party chairman Walter Dunmore \
             said the party should prepare. That change was smooth, he said, but replacing \
             Harlan would be bitter. He left early.";
    let spans = quoted_spans(t, MarkSet::EVERY);
    let doc = Document::new(t, &spans);
    let mut people = People::of(&doc);
    people.resolve_pronouns(&doc);
    let last = doc.token_at(t.rfind("He left").expect("in the text"));
    let candidates = people.pronoun_candidates(&doc, last, None);
    let features_of = |name: &str| {
        candidates
            .iter()
            .find(|(spans, _)| spans.iter().any(|&(a, b)| t[a..b].contains(name)))
            .map(|(_, features)| features.clone())
            .expect("a candidate")
    };
    assert!(features_of("Dunmore").contains(&"chain".to_string()));
    assert!(!features_of("Harlan").contains(&"chain".to_string()));
}

#[test]
fn a_description_stands_for_the_organisation_named_before_that_fits_it() {
    let t = "The Federal Bureau of Investigation reopened the inquiry, and the Harbor City \
             Nurses Union called a strike. Agents searched two offices.\n\n\
             “We follow the evidence,” the agency said.\n\n“We have no choice,” the union said. \
             “We will talk,” the company said.";
    assert_eq!(
        trail(t, "the agency").0.as_deref(),
        Some("The Federal Bureau of Investigation")
    );
    assert_eq!(
        trail(t, "the union").0.as_deref(),
        Some("the Harbor City Nurses Union")
    );
    // No company was named: the description stays as written.
    assert_eq!(trail(t, "the company").0.as_deref(), Some("the company"));
    // An acronym names an organisation too, but not a word of a headline in capitals.
    let t = "The FBI searched two offices on Friday.\n\n“We follow the evidence,” the agency said.";
    assert_eq!(trail(t, "the agency").0.as_deref(), Some("The FBI"));
    let t = "AGENCY STAYS SILENT\n\nAgents searched two offices on Friday.\n\n\
             “We follow the evidence,” the agency said.";
    assert_eq!(trail(t, "the agency").0.as_deref(), Some("the agency"));
}
