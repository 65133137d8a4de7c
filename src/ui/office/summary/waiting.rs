//! The Word and Excel tables dropped into 汇总, waiting one after another for their preview (`TableImport`):
//! what is read of the files dropped (the list files go to the set at once), and the first table's outcome.

use yew::prelude::*;

use super::receive::{self, Waiting};
use crate::domain::list::model::Document;
use crate::domain::office::summary_page::{Event, Model};
use crate::ui::store::Store;
use crate::ui::web::files;

/// The tables waiting, and what the page does with files and with the first table's preview.
pub struct Tables {
    pub waiting: UseStateHandle<Vec<Waiting>>,
    /// Files chosen or dropped: read, the tables put in the queue, the rest sent to the set.
    pub add_files: Callback<Vec<web_sys::File>>,
    /// The first table confirmed (计入汇总): its list goes to the set, the next table comes up.
    pub done: Callback<Document>,
    /// The first table put aside: the next comes up.
    pub cancel: Callback<()>,
}

#[hook]
pub fn use_tables(desk: &Store<Model>) -> Tables {
    let waiting = use_state(Vec::<Waiting>::new);
    let add_files = {
        let (desk, tables) = (desk.clone(), waiting.clone());
        Callback::from(move |list: Vec<web_sys::File>| {
            if list.is_empty() {
                return;
            }
            desk.send(Event::Reading(0, list.len()));
            let (progress, done, tables) = (desk.downgrade(), desk.downgrade(), tables.clone());
            files::read_all(
                list,
                move |n, total| {
                    if let Some(d) = progress.upgrade() {
                        d.send(Event::Reading(n, total));
                    }
                },
                move |read| {
                    let Some(d) = done.upgrade() else { return };
                    let (office, arrived) = receive::tables_apart(read);
                    if !office.is_empty() {
                        let mut waiting = (*tables).clone();
                        waiting.extend(office);
                        tables.set(waiting);
                    }
                    d.send(Event::Read(arrived));
                },
            );
        })
    };
    let next = {
        let tables = waiting.clone();
        move || {
            let mut waiting = (*tables).clone();
            if !waiting.is_empty() {
                waiting.remove(0);
            }
            tables.set(waiting);
        }
    };
    let done = {
        let (desk, next) = (desk.clone(), next.clone());
        let name = waiting.first().map(|(n, _)| n.clone()).unwrap_or_default();
        Callback::from(move |doc: Document| {
            desk.send(Event::Table {
                name: name.clone(),
                list: Box::new(doc),
            });
            next();
        })
    };
    let cancel = Callback::from(move |()| next());
    Tables {
        waiting,
        add_files,
        done,
        cancel,
    }
}
