//! The people of an article and the resolution of mentions to them.

use super::text::Document;

/// A person of the article: the fullest name it gives and the other ways it names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
}

pub(crate) struct People {
    people: Vec<Person>,
}

impl People {
    pub fn of(_doc: &Document) -> People {
        People { people: Vec::new() }
    }

    pub fn into_people(self) -> Vec<Person> {
        self.people
    }
}
