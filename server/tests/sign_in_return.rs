//! Pages for signed-in people send a visitor to sign in, with the way back.
#![allow(clippy::unwrap_used)]
use crate::common::{self, Browser};

use http::StatusCode;

#[tokio::test]
async fn a_visitor_is_sent_to_sign_in_and_back_and_a_signed_in_person_is_not() {
    let state = common::state().await;
    let mut visitor = Browser::new(&state);
    for (path, next) in [
        ("/privacy", "/privacy"),
        ("/tickets?page=2", "/tickets%3Fpage%3D2"),
        ("/admin/audit", "/admin/audit"),
        ("/security", "/security"),
    ] {
        let r = visitor.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            r.headers[http::header::LOCATION],
            format!("/sign-in?next={next}")
        );
    }
    // Pages anyone may open render.
    for path in ["/", "/sign-in", "/sign-up", "/forgot-password"] {
        assert_eq!(visitor.get(path).await.status, StatusCode::OK, "{path}");
    }
    let (_, cookie) = common::sign_up_confirmed(&state, "Sam", "sam@example.com", "").await;
    let mut sam = Browser::new(&state);
    sam.cookie = Some(format!("custodian_session={cookie}"));
    let r = sam.get("/privacy").await;
    assert_eq!(r.status, StatusCode::OK);
    // A session that ended (or a stale cookie) is a visitor again.
    let mut stale = Browser::new(&state);
    stale.cookie = Some("custodian_session=not-a-session".to_owned());
    assert_eq!(stale.get("/privacy").await.status, StatusCode::SEE_OTHER);
}
