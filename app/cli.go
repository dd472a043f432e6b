//go:build !wasm

package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one native subcommand: the local server, the static-site
// generator and the scripting commands share this one binary, so the wasm
// build (main_wasm.go) never links any of them.
type command struct {
	usage string
	run   func(args []string, stdout io.Writer) error
}

var commands = map[string]command{}

// register is called from the init function of each cli_*.go file, so each
// command lives in its own file and this dispatcher never changes.
func register(name, usage string, run func(args []string, stdout io.Writer) error) {
	commands[name] = command{usage: usage, run: run}
}

func main() {
	registerRoutes()
	if len(os.Args) < 2 {
		printUsage(os.Stderr)
		os.Exit(2)
	}
	name := os.Args[1]
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown command %q\n", name)
		printUsage(os.Stderr)
		os.Exit(2)
	}
	if err := c.run(os.Args[2:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}

func printUsage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: app <command> [flags]; commands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].usage)
	}
}
