//! Hash routing (`#/…`), so that every page works from `file://` as well as from a server. The address says
//! which draft and which step is open, so a reload brings the user back to where they were.

/// The steps of the guided flow of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Header,
    Problems,
    Check,
    Export,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Header, Step::Problems, Step::Check, Step::Export];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Header => "header",
            Step::Problems => "problems",
            Step::Check => "check",
            Step::Export => "export",
        }
    }

    fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::ALL.get(i + 1).copied())
    }

    pub fn previous(self) -> Option<Step> {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .map(|i| Step::ALL[i])
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// 首页
    Home,
    /// A draft being filled in, at a step.
    Edit(String, Step),
    /// 汇总
    Consolidate,
    /// An address the app does not know: shown as such, with a way home.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` such as `#/edit/<id>/problems`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            [""] => Route::Home,
            ["summary"] => Route::Consolidate,
            ["edit", id] if !id.is_empty() => Route::Edit(id.to_string(), Step::Header),
            ["edit", id, step] if !id.is_empty() => match Step::from_slug(step) {
                Some(step) => Route::Edit(id.to_string(), step),
                None => Route::NotFound(path.to_string()),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash that leads to this route.
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Edit(id, step) => format!("#/edit/{id}/{}", step.slug()),
            Route::Consolidate => "#/summary".to_string(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}
