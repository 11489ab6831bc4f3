//! The `requestId` header of a command (PUT/POST) echoed on its response, 202 and errors
//! alike: Finesse echoes it there as well as in the notifications the request causes
//! (reference 1.3, DG12.5 p21-23).

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

pub(super) async fn echo(request: Request, next: Next) -> Response {
    let command = matches!(*request.method(), Method::PUT | Method::POST);
    let id = command
        .then(|| request.headers().get("requestId").cloned())
        .flatten();
    let mut response = next.run(request).await;
    if let Some(id) = id {
        response.headers_mut().insert("requestId", id);
    }
    response
}
