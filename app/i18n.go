package main

import "fmt"

// lang is a UI language code ("en", "ja"). Every user-visible string goes
// through lang.t so that a language is one table: add i18n_xx.go with a
// map[string]string and one line in languages.
type lang string

const (
	langEN lang = "en"
	langJA lang = "ja"
)

// languages maps a language to its string table. English is complete and
// is the fallback for any key another table lacks; TestLanguageTablesMatch
// requires every table to hold exactly English's keys.
var languages = map[lang]map[string]string{
	langEN: enStrings,
	langJA: jaStrings,
}

// t returns the string for key in l, falling back to English and then to
// the key itself, so a missing translation shows something findable
// instead of an empty label. Not inlined: it is called from hundreds of
// places, and each inlined copy of its map lookups costs wasm bytes.
//
//go:noinline
func (l lang) t(key string) string {
	if s, ok := languages[l][key]; ok {
		return s
	}
	if s, ok := enStrings[key]; ok {
		return s
	}
	return key
}

// tf formats the string for key with args (fmt verbs live in the tables,
// so a language may reorder words but must keep the verbs' order).
func (l lang) tf(key string, args ...any) string {
	return fmt.Sprintf(l.t(key), args...)
}

// parseLang maps a user or URL choice to a supported language, English
// when unknown.
func parseLang(s string) lang {
	if _, ok := languages[lang(s)]; ok {
		return lang(s)
	}
	return langEN
}
