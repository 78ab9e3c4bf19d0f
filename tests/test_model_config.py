"""Model settings from the environment, a config file and overrides; the key never shows."""

from __future__ import annotations

import pytest

from llm_extract import ModelConfigError
from llm_extract.model import ModelSettings, load_settings

SECRET = "sk-test-SECRET123"


def test_the_standard_openai_variables_and_the_model_variable_configure_the_stage():
    s = load_settings(env={"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "OPENAI_API_KEY": SECRET,
                           "LLM_EXTRACT_MODEL": "qwen2.5:7b", "LLM_EXTRACT_MODE": "json",
                           "LLM_EXTRACT_TIMEOUT": "30", "LLM_EXTRACT_CONCURRENCY": "8"})
    assert (s.base_url, s.model, s.mode, s.timeout, s.concurrency) == (
        "http://127.0.0.1:8080/v1", "qwen2.5:7b", "json", 30.0, 8)
    assert s.api_key is not None and s.api_key.get_secret_value() == SECRET
    assert s.is_configured


def test_overrides_win_over_the_environment_and_unset_overrides_are_ignored():
    s = load_settings({"model": "deepseek-chat", "timeout": None}, env={"LLM_EXTRACT_MODEL": "other",
                                                                     "LLM_EXTRACT_TIMEOUT": "9"})
    assert s.model == "deepseek-chat" and s.timeout == 9.0


def test_a_config_file_is_read_below_the_environment_and_names_the_key_variable(tmp_path):
    cfg = tmp_path / "llm-extract.toml"
    cfg.write_text('[model]\nbase_url = "https://api.deepseek.com"\nmodel = "deepseek-chat"\n'
                   'mode = "json"\napi_key_env = "DEEPSEEK_API_KEY"\nconcurrency = 2\n', encoding="utf-8")
    s = load_settings(env={"DEEPSEEK_API_KEY": SECRET, "LLM_EXTRACT_MODE": "tools"}, config_file=cfg)
    assert (s.base_url, s.model, s.mode, s.concurrency) == ("https://api.deepseek.com", "deepseek-chat", "tools", 2)
    assert s.api_key.get_secret_value() == SECRET


def test_a_config_file_holding_a_key_is_refused(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[model]\napi_key = "{SECRET}"\n', encoding="utf-8")
    with pytest.raises(ModelConfigError) as info:
        load_settings(env={}, config_file=cfg)
    assert SECRET not in str(info.value)


def test_a_named_config_file_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(ModelConfigError):
        load_settings(env={"LLM_EXTRACT_CONFIG": str(tmp_path / "nope.toml")})


def test_invalid_settings_are_a_config_error_naming_the_field_not_the_key():
    with pytest.raises(ModelConfigError) as info:
        load_settings(env={"OPENAI_API_KEY": SECRET, "LLM_EXTRACT_MODE": "telepathy"})
    assert "mode" in str(info.value) and SECRET not in str(info.value)


def test_the_key_never_shows_in_repr_str_dumps_or_the_summary_description():
    s = ModelSettings(model="m", api_key=SECRET, base_url="http://user:pw@127.0.0.1:1/v1?token=x")
    shown = [repr(s), str(s), f"{s}", s.model_dump_json(), str(s.model_dump()), str(s.describe())]
    assert all(SECRET not in text for text in shown)
    assert "api_key=set" in repr(s)
    assert s.public_base_url == "http://127.0.0.1:1/v1"


@pytest.mark.parametrize("kw, configured", [
    ({"model": "m", "base_url": "http://127.0.0.1:1/v1"}, True),    # a local server needs no key
    ({"model": "m", "api_key": SECRET}, True),                      # the openai default endpoint
    ({"model": "m"}, False),
    ({"base_url": "http://127.0.0.1:1/v1", "api_key": SECRET}, False),   # no model named
])
def test_a_model_is_configured_when_named_and_reachable(kw, configured):
    assert ModelSettings(**kw).is_configured is configured
