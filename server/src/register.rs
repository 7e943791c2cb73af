//! The register of privacy requests as a CSV download (staff who review
//! requests); every cell guarded against spreadsheet formulas.
use app::{
    error::AppError,
    server::{context::status_of, services::requests::register, Actor, AppState, RequestId},
};
use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    Extension, Json,
};

pub async fn csv(
    State(state): State<AppState>,
    actor: Option<Extension<Actor>>,
    request_id: Option<Extension<RequestId>>,
) -> Response {
    let fail = |error: AppError| (status_of(&error), Json(error)).into_response();
    let Some(Extension(actor)) = actor else {
        return fail(AppError::NotSignedIn);
    };
    if actor.needs_two_factor_setup {
        return fail(AppError::TwoFactorSetupRequired);
    }
    match register::csv(&state, &actor).await {
        Ok(bytes) => {
            let name = format!(
                "attachment; filename=\"privacy-register-{}.csv\"",
                chrono::Utc::now().format("%Y-%m-%d")
            );
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, name),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => {
            let request_id = request_id.map(|r| r.0 .0).unwrap_or_default();
            fail(e.into_app_error(&request_id))
        }
    }
}
