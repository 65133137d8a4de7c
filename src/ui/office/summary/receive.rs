//! 收到的文件: the picker and the drop zone, the reading progress, every file with its verdict, removing one file
//! (to settle a conflict) and clearing them all — each asked first.

use yew::prelude::*;

use super::Made;
use crate::domain::office::summary_page::Arrived;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::drop_zone::drop_zone;
use crate::ui::components::said::said;
use crate::ui::shared::Shared;

/// A file by its name, its bytes shared (a table waiting for its preview).
pub type Waiting = (String, std::rc::Rc<Vec<u8>>);

/// The files read, Word and Excel tables apart from the rest: those that give a table (and a list) wait for their
/// preview; those that do not are refused at once, with why, and kept so, like any file that is not a list.
pub fn tables_apart(read: Vec<(String, Vec<u8>)>) -> (Vec<Waiting>, Arrived) {
    use crate::domain::file::table::{is_office_file, plan::plan};
    let mut tables = Vec::new();
    let mut arrived = Arrived::default();
    for (name, bytes) in read {
        if !is_office_file(&name, &bytes) {
            arrived.lists.push((name, bytes));
            continue;
        }
        let made = crate::readers::read(&bytes)
            .map_err(|e| e.message())
            .and_then(|(_, t)| {
                plan(&t, None, &mut crate::ui::web::clock::new_id).map_err(|e| e.message())
            });
        match made {
            Ok(_) => tables.push((name, std::rc::Rc::new(bytes))),
            Err(why) => arrived.refused.push((name, why)),
        }
    }
    arrived.waiting = tables.len();
    (tables, arrived)
}

#[derive(Properties, PartialEq)]
pub struct ReceiveProps {
    /// Whether the kept set has arrived (files are taken only then, so it cannot overwrite them).
    pub loaded: bool,
    /// Files read so far, of how many.
    pub reading: Option<(usize, usize)>,
    pub made: Shared<Made>,
    pub notice: Option<Result<String, String>>,
    /// 审核意见 written here and not exported: what clearing would lose if the office says so.
    pub unexported: usize,
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Clears the files; `true` drops the unexported reviews too.
    pub on_clear: Callback<bool>,
    /// Removes the file at this position.
    pub on_remove: Callback<usize>,
}

#[function_component(Receive)]
pub fn receive(props: &ReceiveProps) -> Html {
    let c = &props.made.consolidation;
    html! {
        <section class="no-print" aria-labelledby="receive-heading">
            <h2 id="receive-heading">{ "收到的文件" }</h2>
            if props.loaded {
                { drop_zone("导入文件", "可一次选择多个文件，也可以把文件拖到这里。各党支部的清单文件（.json）、Word或Excel表格（.docx、.xlsx）都可以。", props.on_files.clone()) }
            } else {
                <p class="muted" role="status">{ "正在读取本机保存的汇总……" }</p>
            }
            if let Some((done, total)) = props.reading {
                <div class="reading">
                    <label for="reading-progress">{ format!("正在读取 {done}/{total}") }</label>
                    <progress id="reading-progress" max={total.to_string()} value={done.to_string()} />
                </div>
            }
            { said(&props.notice) }
            if !c.submissions.is_empty() {
                <FileList made={props.made.clone()} on_remove={props.on_remove.clone()} />
                <ClearButton unexported={props.unexported} on_clear={props.on_clear.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FileListProps {
    made: Shared<Made>,
    on_remove: Callback<usize>,
}

/// Every file with its verdict and 移除 (asked first).
#[function_component(FileList)]
fn file_list(props: &FileListProps) -> Html {
    let asking = use_state(|| None::<usize>);
    let c = &props.made.consolidation;
    // When no file needs a look, the list is folded to one line: the figures come first on the page.
    let (line, attention) = c.files_line();
    html! {
        <>
            <details class="file-list" open={attention}>
            <summary>{ line }{ if attention { "" } else { "（点此展开文件列表）" } }</summary>
            <table class="list verdicts">
                <caption>{ format!("共{}个文件（读取并检查用时 ", c.submissions.len()) }<span id="consolidate-ms">{ props.made.millis.round() as u64 }</span>{ " 毫秒）" }</caption>
                <thead><tr><th>{ "文件名" }</th><th>{ "结论" }</th><th>{ "操作" }</th></tr></thead>
                <tbody>
                    { for c.submissions.iter().enumerate().map(|(i, s)| {
                        let ask = { let asking = asking.clone(); Callback::from(move |_: MouseEvent| asking.set(Some(i))) };
                        html! {
                            <tr class={classes!(if s.verdict.counts() { "counts" } else { "not-counted" })}>
                                <td>{ &s.file_name }</td><td>{ s.verdict.label() }{ if s.from_table { "（来自表格，没有校验码）" } else { "" } }{ s.copy_of.as_ref().map(|c| c.label()).unwrap_or_default() }</td>
                                <td><button type="button" class="danger-text" onclick={ask} aria-label={format!("移除 {}", s.file_name)}>{ "移除" }</button></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </details>
            if let Some(i) = *asking {
                <Confirm message={format!("确定移除“{}”吗？移除后它不再参加汇总（其他文件和审核意见不受影响），需要时可以重新导入。", c.submissions.get(i).map(|s| s.file_name.as_str()).unwrap_or(""))}
                    confirm_label="确定移除"
                    on_confirm={{ let (asking, on_remove) = (asking.clone(), props.on_remove.clone()); Callback::from(move |_| { asking.set(None); on_remove.emit(i); }) }}
                    on_cancel={{ let asking = asking.clone(); Callback::from(move |_| asking.set(None)) }} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ClearProps {
    unexported: usize,
    on_clear: Callback<bool>,
}

/// 清空收到的文件: asks, says what it would lose, keeps unexported reviews unless told.
#[function_component(ClearButton)]
fn clear_button(props: &ClearProps) -> Html {
    let asking = use_state(|| false);
    let drop_reviews = use_state(|| false);
    let confirm = {
        let (asking, on_clear, drop_reviews) =
            (asking.clone(), props.on_clear.clone(), drop_reviews.clone());
        Callback::from(move |_| {
            asking.set(false);
            on_clear.emit(*drop_reviews);
            drop_reviews.set(false);
        })
    };
    let toggle_drop = {
        let drop_reviews = drop_reviews.clone();
        Callback::from(move |_: Event| drop_reviews.set(!*drop_reviews))
    };
    let set = |on: bool| {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(on))
    };
    html! {
        <>
            <div class="button-row">
                <button type="button" class="danger-text" onclick={set(true).reform(|_: MouseEvent| ())}>{ "清空收到的文件" }</button>
            </div>
            if *asking {
                <Confirm message={clear_message(props.unexported)} confirm_label="确定清空"
                    on_confirm={confirm} on_cancel={set(false)}>
                    if props.unexported > 0 {
                        <label class="choice">
                            <input type="checkbox" checked={*drop_reviews} onchange={toggle_drop} />
                            { format!("这{}条未导出的审核意见也一并删除", props.unexported) }
                        </label>
                    }
                </Confirm>
            }
        </>
    }
}

/// What clearing asks: what goes, and what stays unless the office says otherwise.
fn clear_message(unexported: usize) -> String {
    let mut text =
        "确定清空本机保存的全部收到文件吗？清空后需要重新导入。应报送名单和合并的名称保留。"
            .to_string();
    if unexported > 0 {
        text.push_str(&format!(
            "还有{unexported}条审核意见没有导出：默认保留，勾选下面一项才会一并删除。"
        ));
    }
    text
}
