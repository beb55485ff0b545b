/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <termios.h>
#include <unistd.h>

#include <gio/gio.h>

#if HAVE_SECCOMP
#include <seccomp.h>
#endif

#include "evident-render-protocol.h"
#include "evident-render-sandbox.h"

/*
 * What keeps a hostile document inside the helper:
 *
 *  - limits: the address space (RLIMIT_AS; under AddressSanitizer, which
 *    reserves terabytes of address space, its own RSS limit instead, set
 *    by the application), no core files, a CPU timer per request and a
 *    CPU limit for the helper's whole life;
 *  - a seccomp filter, once the helper has loaded what it needs: system
 *    calls on what it holds (its socket, memfds, files opened for
 *    reading: fonts, image loaders), memory, time, and nothing else. No
 *    socket, connect, bind, no file opened for writing, created, renamed
 *    or removed, no new process or thread, no signal but to itself; any
 *    other call fails with EPERM. System calls of another architecture
 *    (i386 on x86-64) kill the process.
 */

static guint time_limit;

/* Whether this build runs under AddressSanitizer, which cannot live with
 * RLIMIT_AS. */
static gboolean
has_address_sanitizer (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return TRUE;
#else
  return FALSE;
#endif
#else
  return FALSE;
#endif
}

/**
 * evident_render_sandbox_set_limits:
 * @memory_limit: bytes of address space, 0 for no limit
 * @time_limit_ms: a request's time limit; the CPU timer allows a little more
 *
 * Returns: the EvidentRenderLimits in force
 */
guint32
evident_render_sandbox_set_limits (guint64 memory_limit,
                                   guint   time_limit_ms)
{
  struct rlimit none = { 0, 0 };
  struct rlimit cpu = { EVIDENT_RENDER_CPU_LIFETIME_S, EVIDENT_RENDER_CPU_LIFETIME_S + 5 };
  guint32 limits = 0;

  time_limit = time_limit_ms;

  setrlimit (RLIMIT_CORE, &none);

  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
    limits |= EVIDENT_RENDER_LIMIT_NO_NEW_PRIVS;

  if (memory_limit > 0)
    {
      if (has_address_sanitizer ())
        {
          /* The application set ASAN_OPTIONS=hard_rss_limit_mb. */
          limits |= EVIDENT_RENDER_LIMIT_RSS;
        }
      else
        {
          struct rlimit as = { memory_limit, memory_limit };

          if (setrlimit (RLIMIT_AS, &as) == 0)
            limits |= EVIDENT_RENDER_LIMIT_ADDRESS_SPACE;
        }
    }

  if (time_limit_ms > 0 && setrlimit (RLIMIT_CPU, &cpu) == 0)
    limits |= EVIDENT_RENDER_LIMIT_CPU;

  return limits;
}

/* A request begins: it has its time limit and a little more of CPU time,
 * then SIGPROF ends the process, should the application not have. */
void
evident_render_sandbox_begin_work (void)
{
  struct itimerval timer = { { 0, 0 }, { 0, 0 } };
  guint ms = time_limit + EVIDENT_RENDER_SANDBOX_CPU_GRACE_MS;

  if (time_limit == 0)
    return;

  timer.it_value.tv_sec = ms / 1000;
  timer.it_value.tv_usec = (ms % 1000) * 1000;
  setitimer (ITIMER_PROF, &timer, NULL);
}

void
evident_render_sandbox_end_work (void)
{
  struct itimerval timer = { { 0, 0 }, { 0, 0 } };

  if (time_limit > 0)
    setitimer (ITIMER_PROF, &timer, NULL);
}

#if HAVE_SECCOMP
/* Allowed whatever their arguments: they act on what the process holds. */
static const char * const allowed[] = {
  /* memory */
  "brk", "mmap", "munmap", "mremap", "mprotect", "madvise",
  /* files already open, and looking at files */
  "read", "readv", "pread64", "write", "writev", "close", "lseek", "fstat", "newfstatat",
  "stat", "lstat", "statx", "fstatfs", "statfs", "getdents64", "access", "faccessat",
  "faccessat2", "readlink", "readlinkat", "fcntl", "fadvise64",
  /* the socket it was given, and memfds for what it sends back */
  "sendmsg", "recvmsg", "sendto", "recvfrom", "poll", "ppoll", "memfd_create", "ftruncate",
  "eventfd2", "pipe2",
  /* threads it may already have, signals, time */
  "futex", "set_robust_list", "rseq", "sched_yield", "sched_getaffinity", "getpid", "gettid",
  "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "restart_syscall",
  "clock_gettime", "clock_getres", "gettimeofday", "time", "nanosleep", "clock_nanosleep",
  "setitimer", "getitimer", "getrusage",
  /* who and where it is */
  "getrandom", "uname", "getuid", "geteuid", "getgid", "getegid", "sysinfo",
  "exit", "exit_group",
};

static gboolean
add_rule (scmp_filter_ctx   ctx,
          const char       *name,
          guint             n_args,
          struct scmp_arg_cmp *args)
{
  int number = seccomp_syscall_resolve_name (name);

  /* Not a system call on this architecture. */
  if (number == __NR_SCMP_ERROR)
    return TRUE;

  return seccomp_rule_add_array (ctx, SCMP_ACT_ALLOW, number, n_args, args) == 0;
}

static gboolean
build_filter (scmp_filter_ctx ctx)
{
  const scmp_datum_t write_flags = O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND;
  struct scmp_arg_cmp open_flags = SCMP_A1 (SCMP_CMP_MASKED_EQ, write_flags, O_RDONLY);
  struct scmp_arg_cmp openat_flags = SCMP_A2 (SCMP_CMP_MASKED_EQ, write_flags, O_RDONLY);
  struct scmp_arg_cmp own_pid = SCMP_A0 (SCMP_CMP_EQ, (scmp_datum_t) getpid ());
  struct scmp_arg_cmp read_limit = SCMP_A2 (SCMP_CMP_EQ, 0);
  struct scmp_arg_cmp terminal = SCMP_A1 (SCMP_CMP_EQ, TCGETS);

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (!add_rule (ctx, allowed[i], 0, NULL))
      return FALSE;

  /* Files for reading only: fonts, image loaders, /proc/self. */
  return add_rule (ctx, "open", 1, &open_flags)
         && add_rule (ctx, "openat", 1, &openat_flags)
         /* raise () and abort (): signals to itself only */
         && add_rule (ctx, "tgkill", 1, &own_pid)
         /* getrlimit () */
         && add_rule (ctx, "prlimit64", 1, &read_limit)
         /* isatty () */
         && add_rule (ctx, "ioctl", 1, &terminal);
}
#endif

/**
 * evident_render_sandbox_enter:
 *
 * Installs the seccomp filter: from here on the process can only work on
 * what it holds.
 *
 * Returns: whether it is in force (%FALSE in a build without libseccomp)
 */
gboolean
evident_render_sandbox_enter (GError **error)
{
#if HAVE_SECCOMP
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ERRNO (EPERM));
  int rc = -EINVAL;

  if (ctx == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "seccomp_init failed");
      return FALSE;
    }

  if (build_filter (ctx))
    rc = seccomp_load (ctx);
  seccomp_release (ctx);

  if (rc != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (-rc),
                   "Cannot install the seccomp filter: %s", g_strerror (-rc));
      return FALSE;
    }

  return TRUE;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "Built without libseccomp");
  return FALSE;
#endif
}

/* The kernel's word on it: 0 none, 1 strict, 2 filter. */
guint
evident_render_sandbox_get_seccomp_mode (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "\nSeccomp:");
  if (line == NULL)
    return 0;

  return (guint) g_ascii_strtoull (line + strlen ("\nSeccomp:"), NULL, 10);
}
