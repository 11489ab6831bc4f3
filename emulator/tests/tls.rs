//! TLS: the server certificate verifies against the emulator's CA, and only then.

mod common;

use common::{Client, fast, start};
use finesse_emulator::{Emulator, EmulatorConfig};
use ureq::tls::{Certificate, RootCerts, TlsConfig};

#[test]
fn certificate_verifies_with_the_ca() {
    let (emulator, client) = start(fast());
    assert!(emulator.base_url().starts_with("https://127.0.0.1:"));
    let r = client.request("GET", "/finesse/api/SystemInfo", &[], "");
    assert_eq!(r.status, 200);
    assert_eq!(r.field("status").as_deref(), Some("IN_SERVICE"));
}

#[test]
fn certificate_names_localhost() {
    let (emulator, _) = start(fast());
    let ca = Certificate::from_pem(emulator.ca_pem().as_bytes()).expect("CA parses");
    let tls = TlsConfig::builder()
        .root_certs(RootCerts::new_with_certs(&[ca]))
        .build();
    let base = emulator.base_url().replace("127.0.0.1", "localhost");
    let client = Client::with_tls(base, tls);
    assert_eq!(
        client
            .request("GET", "/finesse/api/SystemInfo", &[], "")
            .status,
        200
    );
}

#[test]
fn certificate_is_rejected_without_the_ca() {
    let (emulator, _) = start(fast());
    let client = Client::with_tls(emulator.base_url(), TlsConfig::default());
    let err = client
        .try_request("GET", "/finesse/api/SystemInfo", &[], "")
        .map(|_| ())
        .expect_err("an untrusted certificate fails");
    assert!(format!("{err:?}").contains("UnknownIssuer"), "{err:?}");
}

#[test]
fn ca_is_written_as_pem() {
    let (emulator, _) = start(fast());
    let path = std::env::temp_dir().join(format!("emulator-ca-{}.pem", std::process::id()));
    emulator.write_ca_pem(&path).expect("written");
    let pem = std::fs::read_to_string(&path).expect("readable");
    std::fs::remove_file(&path).ok();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(pem, emulator.ca_pem());
}

#[test]
fn plain_http_when_asked() {
    let emulator = Emulator::start(EmulatorConfig::new().plain_http(true)).expect("starts");
    assert!(emulator.base_url().starts_with("http://127.0.0.1:"));
    let client = Client::with_tls(emulator.base_url(), TlsConfig::default());
    assert_eq!(
        client
            .request("GET", "/finesse/api/SystemInfo", &[], "")
            .status,
        200
    );
}

#[test]
fn dropping_the_emulator_closes_its_ports() {
    let (emulator, _) = start(fast());
    let addr = emulator
        .base_url()
        .trim_start_matches("https://")
        .to_owned();
    drop(emulator);
    assert!(std::net::TcpStream::connect(addr).is_err());
}
