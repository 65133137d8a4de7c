//! 导入 a Word or Excel table: what the file's table makes (the columns as matched, each changeable; the problems
//! and measures; what could not be read), and 确认导入, which makes it a new draft — or in 汇总, 计入汇总, which
//! takes it into the office's set as that 党支部's list. Nothing is written before.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::editor::drafts::Draft;
use crate::domain::editor::route::{Route, Step};
use crate::domain::file::table::columns::Field;
use crate::domain::file::table::plan::plan;
use crate::domain::file::table::Table;
use crate::domain::list::model::Campaign;
use crate::domain::list::model::{Document, Kind};
use crate::readers::{self, ReadError};
use crate::ui::office::register_import::{self, RegisterImport};
use crate::ui::office::table_preview::{columns_form, notes_list, problems_preview, unread_list};
use crate::ui::web::{campaigns, clock, location, storage};

#[derive(Properties, PartialEq)]
pub struct TableImportProps {
    pub name: AttrValue,
    pub bytes: Rc<Vec<u8>>,
    /// In 汇总: what the list read is given to (instead of a new draft), and the button's word.
    #[prop_or_default]
    pub to_set: Option<Callback<Document>>,
    /// In 汇总: told when the user cancels, to go on with the next file.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// In 汇总: the 活动 being consolidated, which a table whose title names none belongs to (on the start page,
    /// the one this computer last chose).
    #[prop_or_default]
    pub campaign: Option<Option<Campaign>>,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Shown,
    Cancelled,
    Failed(String),
}

/// What the file is: one of the campaign's other lists (its JSON, or a table of one), or a table to read as a list.
enum Opened {
    Register(Result<Box<register_import::Read>, String>),
    Table(Result<Table, ReadError>),
}

fn opened(bytes: &[u8]) -> Opened {
    if let Some(read) = register_import::from_json(bytes) {
        return Opened::Register(read.map(Box::new));
    }
    match readers::read(bytes) {
        Ok((_, table)) => match register_import::from_table(&table) {
            Some(read) => Opened::Register(Ok(Box::new(read))),
            None => Opened::Table(Ok(table)),
        },
        Err(e) => Opened::Table(Err(e)),
    }
}

#[function_component(TableImport)]
pub fn table_import(props: &TableImportProps) -> Html {
    let read: Rc<Opened> = use_memo(props.bytes.clone(), |bytes| opened(bytes));
    // The fields as the user set them; `None` while the header's own are used.
    let chosen = use_state(|| None::<Vec<Field>>);
    let outcome = use_state(|| Outcome::Shown);
    let shelf = crate::ui::stored::use_shelf();
    let name = props.name.to_string();
    let table = match &*read {
        Opened::Table(Ok(table)) => table,
        Opened::Table(Err(e)) => return refused(&name, &e.message()),
        Opened::Register(Ok(r)) if props.to_set.is_none() => {
            return html! { <RegisterImport name={props.name.clone()} read={Rc::new((**r).clone())} /> }
        }
        Opened::Register(Ok(r)) => {
            let what = r.register.kind.title();
            return refused(&name, &format!("这是一份{what}的表格。汇总收取的是各支部导出的清单文件（.json）：请让支部在本程序中导入这张表格后“导出JSON”，再把文件交来。"));
        }
        Opened::Register(Err(e)) => return refused(&name, e),
    };
    match (*outcome).clone() {
        Outcome::Cancelled => {
            return html! { <p class="notice ok" role="status">{ "已取消导入，本机的草稿没有改变。" }</p> }
        }
        Outcome::Failed(e) => return refused(&name, &e),
        Outcome::Shown => {}
    }
    let mut plan = match plan(table, chosen.as_deref(), &mut clock::new_id) {
        Ok(plan) => plan,
        Err(e) => return refused(&name, &e.message()),
    };
    if !plan.campaign_named {
        let campaign = props.campaign.clone().unwrap_or_else(campaigns::last);
        if campaign != plan.document.header.campaign {
            crate::domain::list::campaign::choose(&mut plan.document, campaign);
        }
    }
    // A list too large to export and read back is not made at all.
    let too_large = crate::domain::file::export::fits(&plan.document).err();
    let to_set = props.to_set.clone();
    let confirm = {
        let (document, outcome) = (plan.document.clone(), outcome.clone());
        let shelf = shelf.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(to_set) = &to_set {
                return to_set.emit(document.clone());
            }
            let draft = Draft::of(document.clone(), clock::now_text());
            let id = draft.document.id.clone();
            match storage::save(&shelf, &draft, |_| {}) {
                Ok(()) => location::go(&Route::Edit(id, Step::Header)),
                Err(e) => outcome.set(Outcome::Failed(e)),
            }
        })
    };
    let cancel = {
        let (outcome, on_cancel) = (outcome.clone(), props.on_cancel.clone());
        Callback::from(move |_: MouseEvent| match &on_cancel {
            Some(f) => f.emit(()),
            None => outcome.set(Outcome::Cancelled),
        })
    };
    let (making, confirm_label) = if props.to_set.is_some() {
        ("计入汇总：", "计入汇总")
    } else {
        ("将新建", "确认导入")
    };
    let kind = match plan.document.kind {
        Kind::Org => "党组织检视整改问题清单",
        Kind::Member => "党员检视整改问题清单",
    };
    let org = plan.document.header.org_name.clone();
    html! {
        <section class="table-import" aria-labelledby="table-import-heading">
            <h2 id="table-import-heading" tabindex="-1">{ format!("导入表格：{name}") }</h2>
            <p role="status">
                { format!("{making}一份{kind}") }
                if !org.is_empty() { { format!("（{org}）") } }
                { format!("：{} 个问题，{} 项整改措施", plan.problems(), plan.measures()) }
                if plan.document.kind == Kind::Member { { format!("，{} 名党员", plan.document.members.len()) } }
                { format!("，属于活动“{}”{}", crate::domain::list::campaign::label(&plan.document.header), if plan.campaign_named { "（表格标题写明）" } else { "（导入后可在表头信息中修改）" }) }
                { format!("。确认无误后点“{confirm_label}”；在此之前本机不会保存任何内容。") }
            </p>
            if let Some(why) = &too_large {
                <p class="notice error" role="alert">{ format!("不能导入：{why}") }</p>
            }
            if plan.measures() == 0 {
                <p class="notice warning">{ "按现在各列的对应没有读到整改措施：请核对下面各列导入为什么。" }</p>
            }
            <h3>{ "各列导入为" }</h3>
            { columns_form(&plan, &chosen) }
            { notes_list(&plan) }
            { unread_list(&plan) }
            <h3>{ "读到的问题" }</h3>
            { problems_preview(&plan) }
            <div class="actions">
                <button type="button" class="primary" disabled={plan.measures() == 0 || too_large.is_some()} onclick={confirm}>{ confirm_label }</button>
                <button type="button" onclick={cancel}>{ "取消" }</button>
            </div>
        </section>
    }
}

/// Why `name` gives no list: nothing was saved.
fn refused(name: &str, why: &str) -> Html {
    html! {
        <p class="notice error" role="alert">{ format!("无法导入“{name}”：{why}本机的草稿没有改变。") }</p>
    }
}
