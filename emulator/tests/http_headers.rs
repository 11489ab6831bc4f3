//! HTTP-level behaviour of the REST API: the `requestId` header echoed on command
//! responses, and OPTIONS.

mod common;

use common::{basic, fast, start};

#[test]
fn commands_echo_their_request_id() {
    // Finesse echoes the requestId header on the response of a command, 202 and synchronous
    // error alike (reference 1.3, DG12.5 p21-23).
    let (_emulator, client) = start(fast());
    let login = "<User><state>LOGIN</state><extension>1001001</extension></User>";
    let r = client.put_as("1001", "/finesse/api/User/1001", login, "rid-202");
    assert_eq!(r.status, 202);
    assert_eq!(r.header("requestId"), Some("rid-202"));
    let r = client.put_as("1001", "/finesse/api/User/1001", "<User/>", "rid-400");
    assert_eq!(r.status, 400);
    assert_eq!(r.header("requestId"), Some("rid-400"));
    let r = client.post_as(
        "1001",
        "/finesse/api/User/1001/Dialogs",
        "<Dialog/>",
        "rid-post",
    );
    assert_eq!(r.header("requestId"), Some("rid-post"));
    // GETs carry no requestId (reference 1.3), and nothing is echoed without one.
    let auth = ("Authorization", basic("1001", "secret1001"));
    let r = client.request(
        "GET",
        "/finesse/api/User/1001",
        &[auth.clone(), ("requestId", "rid-get".to_owned())],
        "",
    );
    assert_eq!(r.header("requestId"), None);
    let r = client.request("PUT", "/finesse/api/User/1001", &[auth], "<User/>");
    assert_eq!(r.header("requestId"), None);
}

#[test]
fn options_lists_the_methods_of_a_resource() {
    // The reference is silent on OPTIONS itself, but Finesse's 405 lists OPTIONS in `Allow`
    // (`POST /User/<id>` → `Allow: GET,OPTIONS,HEAD,PUT`, reference 1.4): it is served, so
    // the answer is 200 with `Allow`, as a servlet container gives it.
    let (_emulator, client) = start(fast());
    let auth = [("Authorization", basic("1001", "secret1001"))];
    let r = client.request("OPTIONS", "/finesse/api/User/1001", &auth, "");
    assert_eq!(r.status, 200, "{:?}", r.headers);
    let allow = r.header("allow").unwrap_or_default().to_owned();
    for method in ["GET", "HEAD", "PUT", "OPTIONS"] {
        assert!(allow.contains(method), "{allow}");
    }
    assert!(!allow.contains("POST"), "{allow}");
    assert!(r.body.is_empty());
    let r = client.request("OPTIONS", "/finesse/api/User/1001/Dialogs", &auth, "");
    assert_eq!(r.status, 200);
    assert!(r.header("allow").unwrap_or_default().contains("POST"));
    // A wrong method: 405, OPTIONS among the methods allowed.
    let r = client.request("POST", "/finesse/api/User/1001", &auth, "<User/>");
    assert_eq!(r.status, 405);
    assert!(r.header("allow").unwrap_or_default().contains("OPTIONS"));
    // Unknown paths stay 404.
    let r = client.request("OPTIONS", "/finesse/api/Nothing", &auth, "");
    assert_eq!(r.status, 404);
}
