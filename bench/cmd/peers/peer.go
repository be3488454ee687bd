package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
)

// A process is a peer script kept running for the rounds of a group, so
// that it parses its data files once, outside the timings, as our side
// does. The protocol, on the script's standard input and output, one line
// each:
//
//	script → runner   ready                        (data loaded)
//	runner → script   run
//	script → runner   {"seconds": s, "answer": {…}} (s timed by the script
//	                                                around the computation)
//
// and the script exits when its standard input ends.
type process struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *tailBuffer
	// Command is the command line, for the table.
	command string
}

// reply is one answer line of a peer script.
type reply struct {
	Seconds float64         `json:"seconds"`
	Answer  json.RawMessage `json:"answer"`
}

// startProcess starts name with args and waits for its "ready" line.
func startProcess(ctx context.Context, dir, name string, args ...string) (*process, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	p := &process{cmd: cmd, stderr: &tailBuffer{max: 4096}, command: strings.Join(append([]string{name}, args...), " ")}
	cmd.Stderr = p.stderr
	var err error
	if p.in, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p.out = bufio.NewReaderSize(stdout, 1<<20)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", p.command, err)
	}
	line, err := p.readLine()
	if err != nil {
		p.close()
		return nil, err
	}
	if line != "ready" {
		p.close()
		return nil, fmt.Errorf("%s: said %q instead of ready", p.command, truncate(line, 200))
	}
	return p, nil
}

// run asks the script for one timed computation and decodes its answer
// into answer.
func (p *process) run(answer any) (seconds float64, err error) {
	if _, err := io.WriteString(p.in, "run\n"); err != nil {
		return 0, fmt.Errorf("%s: %w%s", p.command, err, p.stderr.suffix())
	}
	line, err := p.readLine()
	if err != nil {
		return 0, err
	}
	var r reply
	if err := decodeStrict([]byte(line), &r); err != nil {
		return 0, fmt.Errorf("%s: %w in %q", p.command, err, truncate(line, 200))
	}
	if !(r.Seconds > 0) {
		return 0, fmt.Errorf("%s: timed %v s", p.command, r.Seconds)
	}
	if err := decodeStrict(r.Answer, answer); err != nil {
		return 0, fmt.Errorf("%s: %w", p.command, err)
	}
	return r.Seconds, nil
}

func (p *process) readLine() (string, error) {
	line, err := p.out.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("%s: no reply (%v)%s", p.command, err, p.stderr.suffix())
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// close ends the script's input and waits for it to exit.
func (p *process) close() {
	p.in.Close()
	_ = p.cmd.Wait()
}

// tailBuffer keeps the last max bytes written to it: a script's standard
// error, shown when it fails.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = t.buf[over:]
	}
	return len(b), nil
}

// suffix returns ": stderr: …" with what the script wrote there, or "".
func (t *tailBuffer) suffix() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := string(bytes.TrimSpace(t.buf))
	if s == "" {
		return ""
	}
	return "; its standard error ends: " + s
}

// truncate shortens s to at most n bytes, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// startPeer makes sure tool t is usable (installing it where allowed),
// then starts the committed script scriptName with interpreter and args,
// and returns the process and the script's path. When the tool cannot be
// had, skip says why and the other results are zero.
func (e *env) startPeer(ctx context.Context, t tool, interpreter, scriptName string, args ...string) (p *process, script, skip string, err error) {
	if err := e.tools.need(ctx, t); err != nil {
		return nil, "", err.Error(), nil
	}
	if script, err = e.script(scriptName); err != nil {
		return nil, "", "", err
	}
	p, err = startProcess(ctx, "", interpreter, append([]string{script}, args...)...)
	return p, script, "", err
}

// skipLine returns the one line that says a row was skipped, or nothing
// when reason is empty.
func skipLine(what, reason string) []string {
	if reason == "" {
		return nil
	}
	return []string{what + " skipped: " + reason}
}
