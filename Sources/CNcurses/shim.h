#ifndef TWOHATS_CNCURSES_SHIM_H
#define TWOHATS_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so the wide-character API must be
// requested here or cchar_t and setcchar stay invisible to Swift.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <stdio.h>
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift cannot import directly.
static inline WINDOW *twohats_stdscr(void) { return stdscr; }
static inline int twohats_lines(void) { return LINES; }
static inline int twohats_cols(void) { return COLS; }
static inline attr_t twohats_a_bold(void) { return A_BOLD; }
static inline attr_t twohats_a_reverse(void) { return A_REVERSE; }
static inline attr_t twohats_a_underline(void) { return A_UNDERLINE; }
static inline attr_t twohats_a_dim(void) { return A_DIM; }
static inline attr_t twohats_a_normal(void) { return A_NORMAL; }
static inline FILE *twohats_stdout(void) { return stdout; }
static inline FILE *twohats_stdin(void) { return stdin; }

// tiparm is variadic, which Swift cannot call: one wrapper per shape used.
static inline char *twohats_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline char *twohats_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }
static inline char *twohats_sgr(const char *cap, int underline, int reverse, int dim, int bold) {
    return tiparm(cap, 0, underline, reverse, 0, dim, bold, 0, 0, 0);
}

#endif
