//! 导出Excel / 导出Word: a button that asks the page what to export (a `domain::office` request), has the writers
//! module make the file — saying so while it is compiled the first time — and offers the download.

use yew::prelude::*;

use crate::domain::papers::request::Request;
use crate::ui::web::download;
use crate::ui::web::writers;

#[derive(Properties, PartialEq)]
pub struct OfficeExportProps {
    /// 导出Excel or 导出Word.
    pub label: AttrValue,
    /// What to export now, or why it cannot be exported now.
    pub request: Callback<(), Result<Request, String>>,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Working,
    /// Exported, with what the file could not hold as the list has it.
    Done(String, Vec<String>),
    Failed(String),
}

#[function_component(OfficeExport)]
pub fn office_export(props: &OfficeExportProps) -> Html {
    let state = use_state(|| State::Idle);
    let onclick = {
        let (state, request) = (state.clone(), props.request.clone());
        Callback::from(move |_: MouseEvent| {
            if *state == State::Working {
                return;
            }
            let request = match request.emit(()) {
                Ok(request) => request,
                Err(e) => {
                    state.set(State::Failed(e));
                    return;
                }
            };
            state.set(State::Working);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = writers::write(&request).await.and_then(|made| {
                    download::save(&made.name, &made.bytes, writers::mime(&made.name))
                        .map(|()| (made.name, made.notices))
                });
                state.set(match result {
                    Ok((name, notices)) => State::Done(format!("已导出“{name}”。"), notices),
                    Err(e) => State::Failed(e),
                });
            });
        })
    };
    html! {
        <>
            <button type="button" {onclick} disabled={*state == State::Working}>{ &props.label }</button>
            {
                match &*state {
                    State::Idle => html! {},
                    State::Working => html! {
                        <span class="muted" role="status">{ "正在生成文件……第一次导出要先准备导出组件，可能需要几秒。" }</span>
                    },
                    State::Done(text, notices) if notices.is_empty() => html! { <span class="notice ok" role="status">{ text }</span> },
                    State::Done(text, notices) => html! {
                        <div class="notice warning" role="status">
                            <p>{ text }{ "但有些内容太长，Excel放不下：" }</p>
                            <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        </div>
                    },
                    State::Failed(text) => html! { <span class="notice error" role="alert">{ text }</span> },
                }
            }
        </>
    }
}
