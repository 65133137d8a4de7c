//! 首页: what the app is, that the data stays here, and the ways in.

use yew::prelude::*;

use crate::domain::import::{import, Seal};
use crate::ui::route::Route;
use crate::ui::web::{files, location};

#[function_component(Home)]
pub fn home() -> Html {
    let notice = use_state(|| None::<Result<String, String>>);
    let go = |route: Route| Callback::from(move |_: MouseEvent| location::go(&route));
    let on_file = {
        let notice = notice.clone();
        Callback::from(move |e: Event| {
            let notice = notice.clone();
            files::read_chosen(e, move |name, bytes| {
                notice.set(Some(match import(&bytes) {
                    Ok(imported) => {
                        let doc = imported.document;
                        let sealed = match imported.seal {
                            Seal::Intact => "校验码一致",
                            Seal::Changed { .. } => "注意：文件在导出后被改动过，或已损坏",
                            Seal::Unsealed => "文件没有校验码",
                        };
                        Ok(format!(
                            "已读取《{}》：{}（{}）。",
                            doc.kind.title(),
                            doc.header.org_name,
                            sealed
                        ))
                    }
                    Err(e) => Err(format!("无法打开“{name}”：{}", e.message())),
                }));
            });
        })
    };
    html! {
        <>
            <header class="intro">
                <h1>{ "检视整改清单" }</h1>
                <p>{ "帮助党支部填写、检查、打印和报送《党组织检视整改问题清单》《党员检视整改问题清单》，并跟踪每项整改措施直到销号。" }</p>
                <p>{ "所有内容只保存在这台电脑的浏览器里，不会上传到任何地方；只有您自己导出保存的文件才会离开本程序。" }</p>
            </header>
            <section class="start-actions" aria-labelledby="start-heading">
                <h2 id="start-heading">{ "开始" }</h2>
                <div class="button-row">
                    <button type="button" class="primary" onclick={go(Route::New(crate::domain::model::Kind::Org))}>{ "新建党组织清单" }</button>
                    <button type="button" class="primary" onclick={go(Route::New(crate::domain::model::Kind::Member))}>{ "新建党员清单" }</button>
                    <label class="file-button">
                        <input type="file" accept=".json,application/json" onchange={on_file} />
                        <span>{ "导入文件" }</span>
                    </label>
                    <button type="button" onclick={go(Route::Consolidate)}>{ "汇总" }</button>
                </div>
                {
                    match &*notice {
                        Some(Ok(text)) => html! { <p class="notice ok" role="status">{ text }</p> },
                        Some(Err(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
                        None => html! {},
                    }
                }
            </section>
        </>
    }
}
