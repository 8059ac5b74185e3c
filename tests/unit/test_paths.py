"""Where stations live."""


def test_demo_station_lives_beside_the_configured_data_dir(monkeypatch, tmp_path):
    """Issue 16 #10: ``hexie --demo`` honours HEXIE_DATA_DIR (a shared PC keeps both in one place)."""
    from hexie_desktop.paths import demo_data_dir

    monkeypatch.setenv("HEXIE_DATA_DIR", str(tmp_path / "station"))
    assert demo_data_dir() == tmp_path / "station-demo"

