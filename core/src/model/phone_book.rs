//! Phone books and their contacts: the numbers an agent may dial from the desktop.

use serde::Serialize;

use super::{PhoneBookType, last_segment, non_empty};
use crate::error::Error;
use crate::limits::DecodeLimits;
use crate::xml::{XmlReader, decode_document};

/// A phone book (`PhoneBook`), GLOBAL (every agent's) or TEAM (assigned to teams).
///
/// The object (DEVNET `phonebook`): `<PhoneBook><uri/><name/><type/><contacts/></PhoneBook>`,
/// where `contacts` is the URI of its contacts. The lists an agent reads (DEVNET
/// `teamresource—get-phone-books`, `user—get-list-of-phone-books`) embed the contacts
/// instead, as `<Contacts><Contact>…</Contact></Contacts>`; both forms are decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PhoneBook {
    /// The resource URI, e.g. `/finesse/api/PhoneBook/1`; empty when the list omits it.
    pub uri: String,
    /// The phone book's id, taken from the URI.
    pub id: String,
    /// Its name.
    pub name: String,
    /// GLOBAL or TEAM.
    pub book_type: Option<PhoneBookType>,
    /// The URI of its contacts, when the document gives a URI rather than the contacts.
    pub contacts_uri: Option<String>,
    /// Its contacts, when the document embeds them (the lists agents read).
    pub contacts: Vec<Contact>,
}

/// One entry of a phone book (`Contact`, DEVNET `contact`, `contact-api-parameters`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Contact {
    /// The resource URI, `/finesse/api/PhoneBook/<phoneBookId>/Contact/<id>`.
    pub uri: String,
    /// The contact's id, taken from the URI.
    pub id: String,
    /// First name, at most 128 characters.
    pub first_name: String,
    /// Last name, at most 128 characters.
    pub last_name: String,
    /// The number to dial, at most 32 characters.
    pub phone_number: String,
    /// A description, at most 128 characters.
    pub description: String,
}

impl PhoneBook {
    /// Decodes one `PhoneBook` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<PhoneBook, Error> {
        decode_document(
            xml.as_ref(),
            "PhoneBook",
            &[b"phonebook"],
            DecodeLimits::DEFAULT,
            Self::read,
        )
    }

    /// Decodes a `PhoneBooks` list document, with or without embedded contacts.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<PhoneBook>, Error> {
        Self::list_from_xml_with_limits(xml.as_ref(), DecodeLimits::DEFAULT)
    }

    pub(crate) fn list_from_xml_with_limits(
        xml: &[u8],
        limits: DecodeLimits,
    ) -> Result<Vec<PhoneBook>, Error> {
        decode_document(xml, "PhoneBooks", &[b"phonebooks"], limits, |r| {
            r.list(b"phonebook", Self::read)
        })
    }

    fn read(r: &mut XmlReader<'_>) -> Result<PhoneBook, Error> {
        let mut b = PhoneBook::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => b.uri = r.text()?,
                b"name" => b.name = r.text()?,
                b"type" => b.book_type = non_empty(r.text()?).map(|s| PhoneBookType::parse(&s)),
                // `<contacts>` (a URI) in the object, `<Contacts>` (the contacts) in lists.
                b"contacts" => {
                    let (uri, contacts) = r.text_or_list(b"contact", Contact::read)?;
                    b.contacts_uri = non_empty(uri);
                    b.contacts.extend(contacts);
                }
                _ => r.skip()?,
            }
        }
        b.id = last_segment(&b.uri);
        Ok(b)
    }
}

impl Contact {
    /// Decodes one `Contact` document.
    pub fn from_xml(xml: impl AsRef<[u8]>) -> Result<Contact, Error> {
        decode_document(
            xml.as_ref(),
            "Contact",
            &[b"contact"],
            DecodeLimits::DEFAULT,
            Self::read,
        )
    }

    /// Decodes a `Contacts` list document.
    pub fn list_from_xml(xml: impl AsRef<[u8]>) -> Result<Vec<Contact>, Error> {
        decode_document(
            xml.as_ref(),
            "Contacts",
            &[b"contacts"],
            DecodeLimits::DEFAULT,
            |r| r.list(b"contact", Self::read),
        )
    }

    fn read(r: &mut XmlReader<'_>) -> Result<Contact, Error> {
        let mut c = Contact::default();
        while let Some(name) = r.next_child()? {
            match name.as_bytes() {
                b"uri" => c.uri = r.text()?,
                b"firstname" => c.first_name = r.text()?,
                b"lastname" => c.last_name = r.text()?,
                b"phonenumber" => c.phone_number = r.text()?,
                b"description" => c.description = r.text()?,
                _ => r.skip()?,
            }
        }
        c.id = last_segment(&c.uri);
        Ok(c)
    }
}
