//! OPTIONS on a resource. The reference does not describe Finesse's answer to OPTIONS, but
//! the `Allow` header Finesse sends with a 405 lists OPTIONS among the methods of a resource
//! (`POST /User/<id>` → `Allow: GET,OPTIONS,HEAD,PUT`, reference 1.4): so OPTIONS is a method
//! it serves, and the emulator answers it as a servlet container does, 200 with `Allow` and
//! no body. Every 405 lists OPTIONS too.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

pub(super) async fn answer(request: Request, next: Next) -> Response {
    let options = request.method() == Method::OPTIONS;
    let mut response = next.run(request).await;
    if response.status() != StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let allow = response
        .headers()
        .get(header::ALLOW)
        .and_then(|v| v.to_str().ok())
        .map(|methods| format!("{methods},OPTIONS"))
        .and_then(|methods| HeaderValue::from_str(&methods).ok());
    let Some(allow) = allow else {
        return response;
    };
    if options {
        response = Response::default();
    }
    response.headers_mut().insert(header::ALLOW, allow);
    response
}
