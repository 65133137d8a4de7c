//! The office's pages: 汇总 (with 审核, the 汇总 workbook's request) and 调度 (with the 调度表 and the 督办单).
//!
//! A 党支部 never opens them, so they are not in the app's own module, which every start-up loads: they are built
//! into a wasm module of their own (`src/office_bin.rs`), loaded the first time 汇总 is entered or a 台账 opens
//! its 调度 (`ui::components::office_mount`). The domain they use is compiled into both modules.

pub mod dispatch_view;
pub mod papers;
pub mod paste_table;
pub mod register_import;
pub mod summary;
pub mod table_import;
pub mod table_preview;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::list::model::Document;
use crate::domain::office::dispatch::dispatch_list;
use crate::domain::office::period::Period;
use dispatch_view::DispatchView;

/// The office pages' own styles (`styles/office.css`), adopted the first time the module mounts a page: the
/// start-up module and its stylesheets carry none of them.
pub fn adopt_styles() {
    thread_local! {
        static ADOPTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !ADOPTED.with(|a| a.replace(true)) {
        crate::ui::web::page_style::add(include_str!("../../../styles/office.css"));
    }
}

#[derive(Properties, PartialEq)]
pub struct ListDispatchProps {
    pub doc: Document,
    pub today: NaiveDate,
}

/// 调度 of one list, in its 台账: its own movement over the period.
#[function_component(ListDispatch)]
pub fn list_dispatch(props: &ListDispatchProps) -> Html {
    let (doc, today) = (props.doc.clone(), props.today);
    html! {
        <DispatchView {today} make={Callback::from(move |(period, name): (Period, String)| dispatch_list(&doc, period, &name, today))} />
    }
}
