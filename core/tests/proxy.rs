//! A proxy taken from the environment (`HTTPS_PROXY`, as curl and every HTTP client read
//! it) that does not answer: the error names the proxy, never its credentials, and the
//! command was not sent. One test in this file: the environment is the process's.

use std::net::TcpListener;

use finesse_client::{Client, Config, ErrorKind, MakeCall};

#[test]
fn a_dead_proxy_is_named_in_the_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    // SAFETY: the only test of this process; no other thread reads the environment now.
    unsafe {
        std::env::set_var(
            "HTTPS_PROXY",
            format!("http://ops:Proxy-Pw-77@127.0.0.1:{port}"),
        );
        std::env::remove_var("NO_PROXY");
        std::env::remove_var("no_proxy");
        std::env::remove_var("ALL_PROXY");
        std::env::remove_var("all_proxy");
    }
    let client = Client::new(
        Config::builder("https://finesse-a.example.com:8445")
            .basic_auth("1001", "secret1001")
            .build()
            .unwrap(),
    )
    .unwrap();
    let proxy = format!("http://127.0.0.1:{port}");
    let err = client.system_info().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    let text = err.to_string_with_causes();
    assert!(text.contains(&format!("through proxy {proxy}")), "{text}");
    assert!(
        text.contains("https://finesse-a.example.com:8445/finesse/api/SystemInfo"),
        "{text}"
    );
    assert!(!text.contains("Proxy-Pw-77"), "{text}");
    // The proxy refused the connection: the command never left, so it is not "unknown".
    let err = client
        .make_call(&MakeCall::new("6135551212").from_address("1001001"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
    assert!(err.to_string().contains(&proxy), "{err}");
}
