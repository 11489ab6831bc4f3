//! TLS: verification is on by default, a private CA is trusted once given, and switching
//! verification off is an explicit choice.

mod common;

use common::*;
use finesse_client::{Client, Config, ErrorKind};

fn builder(emulator: &finesse_emulator::Emulator) -> finesse_client::ConfigBuilder {
    Config::builder(emulator.base_url()).basic_auth("1001", "secret1001")
}

#[test]
fn the_emulators_certificate_is_rejected_by_default() {
    let emulator = emulator();
    let client = Client::new(builder(&emulator).build().unwrap()).unwrap();
    let err = client.user().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Tls, "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");
}

#[test]
fn the_emulators_certificate_is_accepted_once_its_ca_is_given() {
    let emulator = emulator();
    let client = Client::new(
        builder(&emulator)
            .ca_pem(emulator.ca_pem())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(client.user().unwrap().login_id, "1001");

    let dir = std::env::temp_dir().join(format!("finesse-ca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ca.pem");
    emulator.write_ca_pem(&path).unwrap();
    let client = Client::new(builder(&emulator).ca_file(&path).build().unwrap()).unwrap();
    assert_eq!(client.user().unwrap().login_id, "1001");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn another_ca_does_not_help() {
    let emulator = emulator();
    let other = finesse_emulator::Emulator::start(finesse_emulator::EmulatorConfig::new()).unwrap();
    let client = Client::new(builder(&emulator).ca_pem(other.ca_pem()).build().unwrap()).unwrap();
    assert_eq!(client.user().unwrap_err().kind(), ErrorKind::Tls);
}

#[test]
fn verification_can_be_switched_off_explicitly() {
    let emulator = emulator();
    let config = builder(&emulator)
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    assert!(config.accepts_invalid_certs());
    let client = Client::new(config).unwrap();
    assert_eq!(client.user().unwrap().login_id, "1001");
}
