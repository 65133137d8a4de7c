//! 打印: a preview that is the print stylesheet at work, and the browser's print dialog.
//!
//! The page numbers (第 N 页 共 M 页) and the 校验码 sit in the page margins (`@page` margin boxes); the 校验码
//! differs per list, so its rule is added as a constructed stylesheet while the preview is open — the
//! Content-Security-Policy forbids inline styles, not stylesheets made through the CSSOM.

mod pages;
pub(crate) mod tables;

pub use tables::head;

use yew::prelude::*;

use crate::domain::editor::route::{Layout, Route, Step};
use crate::domain::list::model::{Document, Kind};
use crate::domain::list::validate::validate;
use crate::domain::papers::print::{heading, not_handed_in, Heading};
use crate::ui::stored::{use_shelf, use_stored_draft, Loaded};
use crate::ui::web::{clock, location, page_style};

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub id: String,
    pub layout: Layout,
}

/// How many empty rows a blank form has.
const BLANK_ROWS: usize = 8;

fn layouts(kind: Kind) -> Vec<Layout> {
    match kind {
        Kind::Org => vec![Layout::Table, Layout::Blank],
        Kind::Member => vec![Layout::Table, Layout::PerMember, Layout::Blank],
    }
}

#[function_component(PrintPreview)]
pub fn print_preview(props: &PrintProps) -> Html {
    let shelf = use_shelf();
    let stored = use_stored_draft(&shelf, &props.id, 0);
    // 每名党员一页 leaves out members who have not handed in, unless asked to print them too.
    let handed_in_only = use_state(|| true);
    let (doc, personal): (Option<Document>, bool) = match &*stored.loaded {
        Loaded::Found(chosen) => (Some(chosen.draft.document.clone()), chosen.draft.personal),
        _ => (None, false),
    };
    let complete = doc
        .as_ref()
        .is_some_and(|d| validate(d, clock::today()).is_complete());
    let head = doc.as_ref().map(|d| heading(d, complete));
    let blank = props.layout == Layout::Blank;
    use_page_setup(doc.as_ref(), head.as_ref(), blank);
    let (Some(doc), Some(head)) = (doc, head) else {
        if let Loaded::Reading = &*stored.loaded {
            return html! { <p class="muted" role="status">{ "正在打开草稿……" }</p> };
        }
        return html! {
            <section>
                <h1>{ "无法打印" }</h1>
                <p class="notice error" role="alert">{ "本机没有找到这份草稿，无法打印。" }</p>
            </section>
        };
    };
    // A member's own list prints as the member's page: the table, then 本人签字 and room for the 支部意见.
    let per_member =
        doc.kind == Kind::Member && (props.layout == Layout::PerMember || (personal && !blank));
    // Members not handed in, whom 每名党员一页 can leave out (a member's own list has only its member).
    let missing = if per_member && !personal {
        not_handed_in(&doc)
    } else {
        0
    };
    let end = tables::TableEnd {
        code: (!blank).then(|| head.code.clone()),
        closing: tables::signatures(&head, blank),
    };
    let body = match (props.layout, doc.kind) {
        (Layout::Blank, kind) => tables::blank(kind, BLANK_ROWS, &end),
        (_, Kind::Member) if per_member => {
            pages::member_pages(&doc, end.code.as_deref(), *handed_in_only && !personal)
        }
        (_, Kind::Org) => tables::org_table(&doc, &end),
        (_, Kind::Member) => tables::member_table(&doc, &end),
    };
    html! {
        <>
            { print_controls(&props.id, props.layout, &doc, &head) }
            if missing > 0 {
                { only_handed_in(&handed_in_only, missing) }
            }
            <div class={classes!("paper", blank.then_some("blank"))}>
                if head.draft && !blank {
                    <div class="draft-mark" aria-hidden="true">{ "草稿" }</div>
                }
                if !per_member {
                    { tables::title(&head, blank) }
                }
                { body }
            </div>
        </>
    }
}

/// While the preview is open: the page rules (草稿 in the margin of a draft), and the page's title, which is what
/// the browser's own header prints on every page (the way to the 校验码 where margin boxes are missing) and the
/// name it offers for a PDF.
#[hook]
fn use_page_setup(doc: Option<&Document>, head: Option<&Heading>, blank: bool) {
    let rules = head.map(|h| page_rules(h.draft && !blank));
    use_effect_with(rules, |rules| {
        let sheet = rules.as_ref().and_then(|r| page_style::add(r));
        move || {
            if let Some(sheet) = sheet {
                page_style::remove(&sheet);
            }
        }
    });
    let title = head.zip(doc).filter(|_| !blank).map(|(h, d)| {
        format!(
            "{}《{}》 校验码：{}",
            d.header.org_name.trim(),
            d.kind.title(),
            h.code
        )
    });
    use_effect_with(title, |title| {
        let document = gloo::utils::document();
        let before = document.title();
        if let Some(title) = title {
            document.set_title(title);
        }
        move || document.set_title(&before)
    });
}

/// 返回填写, the layouts, what the preview shows, and 打印: none of it is printed.
fn print_controls(id: &str, layout: Layout, doc: &Document, head: &Heading) -> Html {
    let blank = layout == Layout::Blank;
    let back = {
        let id = id.to_string();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            location::go(&Route::Edit(id.clone(), Step::Export));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let choose = |l: Layout| {
        let id = id.to_string();
        Callback::from(move |_: Event| location::go(&Route::Print(id.clone(), l)))
    };
    let margin_boxes = page_style::margin_boxes();
    html! {
        <div class="print-controls">
            <p class="crumbs"><a href={Route::Edit(id.to_string(), Step::Export).hash()} onclick={back}>{ "← 返回填写" }</a></p>
            <h1>{ format!("打印预览：《{}》", doc.kind.title()) }</h1>
            <fieldset class="choices">
                <legend>{ "版式" }</legend>
                { for layouts(doc.kind).into_iter().map(|l| {
                    let input_id = format!("layout-{}", l.slug());
                    html! {
                        <label class="choice" for={input_id.clone()}>
                            <input type="radio" name="layout" id={input_id} checked={l == layout} onchange={choose(l)} />
                            { l.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <p class="muted">{ "下面就是打印出来的样子（A4横向）。" }{ if margin_boxes { "页码印在每页底部。" } else { "" } }{ if blank { "" } else { "校验码印在每页表格的下方。" } }
                if head.draft && !blank { <strong>{ "清单还有错误，每页都会印上“草稿”。" }</strong> }
            </p>
            if !margin_boxes && !blank {
                <p class="notice warning">{ "这个浏览器的内核较旧，不会在每页底部自动印上页码。需要页码时，请在打印对话框的“更多设置”中勾选“页眉和页脚”：每页底部会印上页码，顶部印上清单名称和校验码。" }</p>
            }
            <button type="button" class="primary" onclick={print}>{ "打印" }</button>
        </div>
    }
}

/// 每名党员一页: whether the members who have not handed in get a page too.
fn only_handed_in(handed_in_only: &UseStateHandle<bool>, missing: usize) -> Html {
    let toggle = {
        let handed_in_only = handed_in_only.clone();
        Callback::from(move |_: Event| handed_in_only.set(!*handed_in_only))
    };
    html! {
        <p class="print-controls">
            <label class="choice" for="only-handed-in">
                <input type="checkbox" id="only-handed-in" checked={**handed_in_only} onchange={toggle} />
                { format!("不打印未交清单的党员（{missing}名）") }
            </label>
        </p>
    }
}

/// The margin box of every printed page that says 草稿 on a draft (page numbers are in `styles/print.css`; the
/// 校验码 is in the tables' repeated footers, which every kernel prints).
fn page_rules(draft: bool) -> String {
    let draft_box = if draft {
        "@top-center { content: \"草稿\"; font-size: 14pt; letter-spacing: 0.5em; }"
    } else {
        ""
    };
    format!("@page {{ {draft_box} }}")
}
