#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// Without these two, cchar_t, setcchar, mvwadd_wch and wget_wch stay invisible.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth behind __USE_XOPEN, which the Glibc module was built without.
extern int wcwidth(wchar_t);

// Swift 6 rejects the C global `stdscr` as not concurrency-safe.
static inline WINDOW *cn_stdscr(void) { return stdscr; }

// Glibc's stdin/stdout are globals Swift 6 will not touch; newterm returns NULL for an
// unknown TERM where initscr would exit the process.
static inline SCREEN *cn_newterm(const char *term) { return newterm(term, stdout, stdin); }

// KEY_F(n) is a function-like macro, which Swift does not import.
static inline int cn_key_f(int n) { return KEY_F(n); }

// The A_* attributes are built with NCURSES_BITS, a macro Swift cannot evaluate.
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }

// COLOR_PAIR(n) expands through NCURSES_BITS as well.
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

// COLORS and COLOR_PAIRS are C globals, refused by Swift 6.
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

// getmaxyx is a macro assigning to its arguments; LINES/COLS are C globals.
static inline void cn_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

// Exposes glibc's wcwidth (see the declaration above) so cells can be checked
// against what curses will really do with them.
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

// tigetstr answers (char *)-1 for "not a string capability", which Swift cannot compare
// against safely; a terminal without cup (TERM=dumb) cannot draw a screen.
static inline int cn_has_cup(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1 && cup[0] != '\0';
}

// nl_langinfo(CODESET) after setlocale: "UTF-8" for a UTF-8 LC_CTYPE, "ANSI_X3.4-1968"
// for C/POSIX, where curses would silently drop å, ä and ö.
static inline int cn_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// setcchar takes a NUL-terminated wchar_t string; the pair goes through the opts
// pointer so pairs above 32767 (extended colours) work too.
static inline int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *wstr, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wstr, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

// define_key takes a char * that older headers declare non-const; keep Swift away from that.
static inline int cn_define_key(const char *sequence, int code) { return define_key((char *)sequence, code); }

// key_defined: 0 = free, >0 = already bound, -1 = conflicts with a longer binding.
static inline int cn_key_defined(const char *sequence) { return key_defined(sequence); }

// errno is thread-local storage behind a macro; reading and clearing it around
// wget_wch tells a hang-up (EIO) from a timeout.
static inline int cn_errno(void) { return errno; }
static inline void cn_clear_errno(void) { errno = 0; }

// Written only from signal handlers, read by the event loop: a handler may do nothing
// else safely. Static: only NcursesBackend includes this header's code.
static volatile sig_atomic_t cn_caught_signal = 0;

static inline void cn_on_termination_signal(int sig) { cn_caught_signal = sig; }

// SIGINT/SIGTERM/SIGHUP only set a flag (no SA_RESTART, so a blocked read returns and
// the loop notices); SIGTSTP/SIGTTIN/SIGTTOU are ignored so nothing can stop the
// program. Installed before newterm, so ncurses leaves these signals alone. SIGWINCH is
// left to ncurses, which turns it into KEY_RESIZE. A parent may hand down a mask that
// blocks some of these (a test runner's threads do): a blocked SIGHUP or SIGWINCH would
// never arrive, so they are unblocked here.
static inline int cn_install_signal_handlers(void) {
    sigset_t needed;
    sigemptyset(&needed);
    sigaddset(&needed, SIGINT);
    sigaddset(&needed, SIGTERM);
    sigaddset(&needed, SIGHUP);
    sigaddset(&needed, SIGWINCH);
    if (sigprocmask(SIG_UNBLOCK, &needed, NULL) != 0) return -1;
    // ncurses catches SIGWINCH only where it finds the default action; an inherited
    // "ignore" would silently turn off resizing.
    struct sigaction winch;
    if (sigaction(SIGWINCH, NULL, &winch) == 0 && winch.sa_handler == SIG_IGN) {
        winch.sa_handler = SIG_DFL;
        sigaction(SIGWINCH, &winch, NULL);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = cn_on_termination_signal;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    sigemptyset(&ign.sa_mask);
    ign.sa_handler = SIG_IGN;
    if (sigaction(SIGTSTP, &ign, NULL) != 0) return -1;
    if (sigaction(SIGTTIN, &ign, NULL) != 0) return -1;
    if (sigaction(SIGTTOU, &ign, NULL) != 0) return -1;
    return 0;
}

// The signal number that asked the program to end, or 0.
static inline int cn_termination_signal(void) { return cn_caught_signal; }

// Bracketed paste and other private modes are not in terminfo: write them straight to
// the terminal, after ncurses has flushed its own output.
static inline void cn_write_terminal(const char *bytes) {
    size_t left = strlen(bytes);
    while (left > 0) {
        ssize_t n = write(STDOUT_FILENO, bytes, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        bytes += n;
        left -= (size_t)n;
    }
}

#endif
