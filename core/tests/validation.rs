//! Client-side validation: a clear error naming the field, and nothing sent.
//!
//! The client points at a listener that only counts connections; every rejected call must leave
//! it untouched.

use std::net::TcpListener;

use finesse_client::{CallData, Client, Config, DialogAction, Error, MakeCall};

struct Counter {
    listener: TcpListener,
    client: Client,
}

impl Counter {
    fn new() -> Counter {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let config = Config::builder(url)
            .basic_auth("1001", "secret1001")
            .login_id("1001")
            .build()
            .unwrap();
        Counter {
            listener,
            client: Client::new(config).unwrap(),
        }
    }

    fn assert_nothing_sent(&self) {
        match self.listener.accept() {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            other => panic!("a connection was made: {other:?}"),
        }
    }
}

#[track_caller]
fn assert_invalid(result: Result<impl std::fmt::Debug, Error>, field: &str, words: &str) {
    match result {
        Err(Error::InvalidArgument { field: f, message }) => {
            assert_eq!(f, field, "field of: {message}");
            assert!(message.contains(words), "{words:?} not in {message:?}");
        }
        other => panic!("expected invalid `{field}`, got {other:?}"),
    }
}

fn call(to: &str) -> MakeCall {
    MakeCall::new(to).from_address("1001001")
}

#[test]
fn make_call_addresses() {
    let c = Counter::new();
    assert_invalid(c.client.make_call(&call("")), "to_address", "empty");
    assert_invalid(c.client.make_call(&call("   ")), "to_address", "empty");
    assert_invalid(
        c.client.make_call(&call("613\u{e9}555")),
        "to_address",
        "printable ASCII",
    );
    assert_invalid(
        c.client.make_call(&call("613\n555")),
        "to_address",
        "printable ASCII",
    );
    assert_invalid(
        c.client.make_call(&call(&"9".repeat(129))),
        "to_address",
        "longer than 128 bytes",
    );
    assert_invalid(
        c.client
            .make_call(&MakeCall::new("6135551212").from_address("")),
        "from_address",
        "empty",
    );
    c.assert_nothing_sent();
}

#[test]
fn make_call_variables() {
    let c = Counter::new();
    let forty_one = "x".repeat(41);
    assert_invalid(
        c.client
            .make_call(&call("6135551212").call_variable("callVariable3", forty_one.as_str())),
        "call_variables[callVariable3]",
        "41 bytes exceeds the 40-byte limit",
    );
    // Bytes, not characters: 20 two-byte characters are 40 bytes and pass the size check;
    // 21 are 42 bytes and fail it.
    assert_invalid(
        c.client
            .make_call(&call("6135551212").call_variable("callVariable1", "\u{e9}".repeat(21))),
        "call_variables[callVariable1]",
        "42 bytes",
    );
    for (name, words) in [
        ("callVariable11", "not a call variable name"),
        ("callVariable0", "not a call variable name"),
        ("callVariable01", "not a call variable name"),
        ("CallVariable1", "not a call variable name"),
        ("user.", "not a call variable name"),
        ("user.bad name", "not a call variable name"),
        ("user.arr[x]", "not a call variable name"),
        ("user.arr[1", "not a call variable name"),
        ("BAStatus", "read-only"),
        ("BACampaign", "read-only"),
        ("wrapUpReason", "cannot be set when making a call"),
    ] {
        assert_invalid(
            c.client
                .make_call(&call("6135551212").call_variable(name, "v")),
            &format!("call_variables[{name}]"),
            words,
        );
    }
    assert_invalid(
        c.client.make_call(
            &call("6135551212")
                .call_variable("callVariable1", "a")
                .call_variable("callVariable1", "b"),
        ),
        "call_variables[callVariable1]",
        "more than once",
    );
    assert_invalid(
        c.client
            .make_call(&call("6135551212").call_variable("callVariable2", "a\u{1}b")),
        "call_variables[callVariable2]",
        "control character",
    );
    c.assert_nothing_sent();
}

#[test]
fn ecc_limits() {
    let c = Counter::new();
    assert_invalid(
        c.client
            .make_call(&call("6135551212").call_variable("user.Note", "n".repeat(211))),
        "call_variables[user.Note]",
        "210-byte ECC limit",
    );
    // Ten ECC variables of 4 + 200 bytes each: 2040 bytes in all.
    let mut big = call("6135551212");
    for i in 0..10 {
        big = big.call_variable(format!("user.E{i:02}x"), "v".repeat(200));
    }
    assert_invalid(
        c.client.make_call(&big),
        "call_variables",
        "total 2040 bytes, over the 2000-byte limit",
    );
    c.assert_nothing_sent();
}

#[test]
fn dialog_actions() {
    let c = Counter::new();
    let own = |action: DialogAction| c.client.dialog_action("16777437", &action);
    assert_invalid(
        own(DialogAction::SendDtmf {
            digits: "12a".into(),
        }),
        "digits",
        "DTMF digits are 0-9, *, # and A-D",
    );
    assert_invalid(
        own(DialogAction::SendDtmf { digits: "".into() }),
        "digits",
        "empty",
    );
    assert_invalid(
        own(DialogAction::ConsultCall {
            to_address: "".into(),
        }),
        "to_address",
        "empty",
    );
    assert_invalid(
        own(DialogAction::TransferSst {
            to_address: "\u{7f}".into(),
        }),
        "to_address",
        "printable ASCII",
    );
    assert_invalid(
        own(DialogAction::ParticipantDrop {
            media_address: "".into(),
        }),
        "media_address",
        "empty",
    );
    assert_invalid(
        own(DialogAction::UpdateCallData(CallData::new())),
        "call_data",
        "wrap-up reason or at least one call variable",
    );
    assert_invalid(
        own(DialogAction::UpdateCallData(
            CallData::new().wrap_up_reason("r".repeat(40)),
        )),
        "wrap_up_reason",
        "longer than the 39-byte limit",
    );
    assert_invalid(
        own(DialogAction::UpdateCallData(
            CallData::new().call_variable("BAResponse", "x"),
        )),
        "call_variables[BAResponse]",
        "read-only",
    );
    assert_invalid(
        c.client.answer("../../User/1002"),
        "dialog_id",
        "only letters, digits",
    );
    assert_invalid(c.client.hold(""), "dialog_id", "empty");
    assert_invalid(c.client.sign_in(""), "extension", "empty");
    assert_invalid(c.client.user_by_id("1001?x=1"), "user_id", "only letters");
    c.assert_nothing_sent();
}

#[test]
fn configuration_errors_name_the_field() {
    assert_invalid(
        Config::builder("fin-a").build(),
        "password",
        "give a password or a token",
    );
    assert_invalid(
        Config::builder("fin-a").basic_auth("1001", "").build(),
        "password",
        "empty",
    );
    assert_invalid(
        Config::builder("fin-a").basic_auth("a:b", "p").build(),
        "username",
        "letters",
    );
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .ca_pem("not a pem")
            .build(),
        "ca_pem",
        "no CERTIFICATE",
    );
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .ca_file("/nonexistent/ca.pem")
            .build(),
        "ca_file",
        "cannot read /nonexistent/ca.pem",
    );
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .secondary("https://fin-b/finesse")
            .build(),
        "secondary",
        "scheme://host[:port] only",
    );
    // Tokens that cannot travel in a header are refused here, not later as "unreachable".
    for token in ["has space", "caf\u{e9}", "line\nbreak", "nul\u{0}", "tab\t"] {
        assert_invalid(
            Config::builder("fin-a").bearer_token("1001", token).build(),
            "token",
            "RFC 6750 token",
        );
    }
    Config::builder("fin-a")
        .bearer_token("1001", "eyJhbGciOi.J9-_~+/abc==")
        .build()
        .unwrap();
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .connect_timeout(std::time::Duration::ZERO)
            .build(),
        "connect_timeout",
        "greater than zero",
    );
}

#[test]
fn credentials_are_a_password_or_a_token_not_both() {
    // Either order: the builder records both rather than keeping the last one.
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .bearer_token("1001", "tok")
            .build(),
        "token",
        "give one of a password, a token or a token provider",
    );
    assert_invalid(
        Config::builder("fin-a")
            .bearer_token("1001", "tok")
            .basic_auth("1001", "p")
            .build(),
        "token",
        "give one of",
    );
    assert_invalid(
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .token_provider("1001", || Err("unused".into()))
            .build(),
        "token",
        "give one of",
    );
    let basic = Config::builder("fin-a")
        .basic_auth("1001", "p")
        .build()
        .unwrap();
    assert!(matches!(
        basic.credentials(),
        finesse_client::Credentials::Basic { username, .. } if username == "1001"
    ));
    let bearer = Config::builder("fin-a")
        .bearer_token("1001", "tok")
        .build()
        .unwrap();
    assert_eq!(bearer.credentials().username(), "1001");
}

#[test]
fn the_notification_url_is_checked_when_built() {
    let with = |url: &str| {
        Config::builder("fin-a")
            .basic_auth("1001", "p")
            .notification_url(url)
            .build()
    };
    for bad in [
        "fin-a:8445/ws",
        "xmpp://fin-a:5222/path",
        "wss://",
        "wss://fin-a:0/ws",
        "wss://user:pw@fin-a/ws",
        "wss://fin-a/w s",
    ] {
        assert_invalid(with(bad), "notification_url", "");
    }
    assert_invalid(
        with("ftp://fin-a"),
        "notification_url",
        "unknown scheme \"ftp\"",
    );
    let config = with("WSS://fin-a:7443/ws/").unwrap();
    assert_eq!(config.notification_url(), Some("wss://fin-a:7443/ws/"));
    // Each transport by its scheme: BOSH, TCP with direct TLS, TCP with STARTTLS.
    for url in [
        "https://fin-a:7443/http-bind/",
        "xmpps://fin-a:5223",
        "xmpp://fin-a",
    ] {
        assert_eq!(with(url).unwrap().notification_url(), Some(url));
    }
    assert_eq!(
        with("ws://10.0.0.1/ws").unwrap().notification_url(),
        Some("ws://10.0.0.1/ws")
    );
    let default = Config::builder("fin-a")
        .basic_auth("1001", "p")
        .build()
        .unwrap();
    assert_eq!(default.notification_url(), None);
}

#[test]
fn a_valid_command_does_reach_the_listener() {
    // The counterpart of the tests above: the same client does connect when the call is valid,
    // so "nothing sent" is a real observation.
    let c = Counter::new();
    let result = std::thread::scope(|s| {
        let handle = s.spawn(|| c.client.make_call(&call("6135551212")));
        // Accept and close the connection without answering.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            match c.listener.accept() {
                Ok((stream, _)) => {
                    drop(stream);
                    break;
                }
                Err(_) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5))
                }
                Err(e) => panic!("no connection: {e}"),
            }
        }
        handle.join().unwrap()
    });
    assert!(result.is_err());
}

#[test]
fn an_unknown_reason_code_category_cannot_change_the_url() {
    let c = Counter::new();
    assert_invalid(
        c.client
            .reason_codes(finesse_client::ReasonCodeCategory::parse("A B&c=d")),
        "category",
        "only letters",
    );
    c.assert_nothing_sent();
}
