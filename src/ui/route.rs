//! Hash routing (`#/…`), so that every page works from `file://` as well as from a server.

use crate::domain::model::Kind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// 首页
    Home,
    /// A new list of this kind (until its page lands, a page that says so).
    New(Kind),
    /// 汇总
    Consolidate,
    /// An address the app does not know: shown as such, with a way home.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` such as `#/summary`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path {
            "" => Route::Home,
            "new/org" => Route::New(Kind::Org),
            "new/member" => Route::New(Kind::Member),
            "summary" => Route::Consolidate,
            other => Route::NotFound(other.to_string()),
        }
    }

    /// The hash that leads to this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::New(Kind::Org) => "#/new/org".to_string(),
            Route::New(Kind::Member) => "#/new/member".to_string(),
            Route::Consolidate => "#/summary".to_string(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}
