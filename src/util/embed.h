// NANNI_EMBED: a data file built into the binary (the project's lexicons, defaults and tables
// are data files, read at build time, never at run time). Declares `sym_begin` and `sym_end`,
// the file's bytes (followed by a NUL), in read-only data. `path` is a string literal, usually
// a folder the build passes as a define ("NANNI_X_DATA_DIR") joined with the file's name.
#pragma once

#define NANNI_EMBED(sym, path)                    \
  __asm__(".section .rodata\n"                    \
          ".global " #sym "_begin\n"              \
          ".balign 16\n" #sym "_begin:\n"         \
          ".incbin \"" path "\"\n"                \
          ".global " #sym "_end\n" #sym "_end:\n" \
          ".byte 0\n"                             \
          ".previous\n");                         \
  extern "C" const char sym##_begin[];            \
  extern "C" const char sym##_end[];
