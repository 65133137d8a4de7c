//! 导入文件 of a 调研问题清单, 成果转化清单 or 意见建议台账: its own JSON file, or a branch's Word or Excel table whose
//! header names these lists' columns (`register::table::kind_of`). What it makes is shown — how many items, what
//! could not be read — and nothing is stored before 确认导入 (or, over a register already here, 替换).

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::editor::route::Route;
use crate::domain::file::import::Seal;
use crate::domain::file::table::Table;
use crate::domain::list::model::Header;
use crate::domain::register::model::{Register, RegisterKind};
use crate::domain::register::table::{columns, read, rows};
use crate::domain::register::{file, stored};
use crate::ui::web::{campaigns, clock, location, storage};

/// A register read from a file, with what the preview says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub register: Register,
    pub notes: Vec<String>,
}

/// A register file's JSON read, or why not (None: the bytes are not a register's JSON).
pub fn from_json(bytes: &[u8]) -> Option<Result<Read, String>> {
    let value = crate::domain::file::import::parse(bytes).ok()?;
    if !file::is_register(&value) {
        return None;
    }
    Some(
        file::import_value(value)
            .map(|imported| Read {
                notes: match imported.seal {
                    Seal::Changed { .. } => vec![
                        "注意：这个文件在导出后被改动过，或已损坏（校验码不符）。请核对内容。"
                            .into(),
                    ],
                    _ => Vec::new(),
                },
                register: imported.register,
            })
            .map_err(|e| e.message()),
    )
}

/// A table that is one of these lists, read into a new register under the header its lines say.
pub fn from_table(table: &Table) -> Option<Read> {
    let kind = crate::domain::register::table::kind_of(table)?;
    // The header is the lines around the table's (`register::table::read`); the 活动 this computer chose last,
    // unless the title names one.
    let header = Header {
        campaign: campaigns::last(),
        ..Header::default()
    };
    let made = read(
        table,
        Register::new(kind, clock::new_id(), header),
        &mut clock::new_id,
    );
    let mut notes = table.notes.clone();
    notes.extend(made.notes);
    Some(Read {
        register: made.register,
        notes,
    })
}

#[derive(Properties, PartialEq)]
pub struct RegisterImportProps {
    pub name: AttrValue,
    pub read: Rc<Read>,
}

#[function_component(RegisterImport)]
pub fn register_import(props: &RegisterImportProps) -> Html {
    let shelf = crate::ui::stored::use_shelf();
    let failed = use_state(|| None::<String>);
    let cancelled = use_state(|| false);
    if *cancelled {
        return html! { <p class="notice ok" role="status">{ "已取消导入，本机的内容没有改变。" }</p> };
    }
    let register = &props.read.register;
    let here = storage::registers().iter().any(|r| r.id == register.id);
    let confirm = {
        let (register, failed) = (register.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let text = stored::encode(&register, &clock::now_text());
            match storage::save_register(&shelf, &register.id, text, None) {
                Ok(()) => location::go(&Route::Register(register.id.clone())),
                Err(e) => failed.set(Some(e)),
            }
        })
    };
    let cancel = Callback::from(move |_: MouseEvent| cancelled.set(true));
    let count = rows(register)
        .iter()
        .filter(|r| !r.cells[0].is_empty())
        .count();
    let org = register.header.org_name.trim();
    let label = if here {
        "用文件替换本机的这份清单"
    } else {
        "确认导入"
    };
    html! {
        <section class="table-import" aria-labelledby="register-import-heading">
            <h2 id="register-import-heading" tabindex="-1">{ format!("导入：{}", props.name) }</h2>
            <p role="status">
                { format!("将{}一份{}", if here { "替换" } else { "新建" }, register.kind.title()) }
                if !org.is_empty() { { format!("（{org}）") } }
                { format!("：{count}条{}。确认无误后点“{label}”；在此之前本机不会保存任何内容。", unit(register.kind)) }
            </p>
            if here {
                <p class="notice warning">{ "本机已经有这份清单（编号相同）。替换后，本机那份中没有导出的修改将会丢失。" }</p>
            }
            if let Some(e) = &*failed {
                <p class="notice error" role="alert">{ e }</p>
            }
            if !props.read.notes.is_empty() {
                <ul class="notes">{ for props.read.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
            { preview(register) }
            <div class="actions">
                <button type="button" class="primary" disabled={count == 0} onclick={confirm}>{ label }</button>
                <button type="button" onclick={cancel}>{ "取消" }</button>
            </div>
        </section>
    }
}

fn unit(kind: RegisterKind) -> &'static str {
    match kind {
        RegisterKind::Survey => "调研发现的问题",
        RegisterKind::Results => "成果",
        RegisterKind::Opinions => "意见建议",
    }
}

/// The first rows as they will be, under the list's own column heads.
fn preview(register: &Register) -> Html {
    let rows = rows(register);
    html! {
        <div class="table-scroll">
            <table class="preview">
                <thead><tr>{ for columns(register.kind).iter().map(|c| html! { <th scope="col">{ c.header }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().take(20).map(|r| html! {
                        <tr>{ for r.cells.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
            if rows.len() > 20 {
                <p class="muted">{ format!("（只显示前20行，共{}行）", rows.len()) }</p>
            }
        </div>
    }
}
