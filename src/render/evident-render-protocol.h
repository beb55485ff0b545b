/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * How the application talks to evident-render, the helper that opens
 * evidence files and renders them: messages on a SOCK_SEQPACKET
 * socketpair, one datagram each, a header then a fixed payload and
 * sometimes a variable tail, at most one file descriptor with it (a
 * sealed memfd: the document's bytes going out, pixels and page sizes
 * coming back). Both ends run on the same machine and build: host byte
 * order, no versioning beyond the hello.
 *
 * Every request gets exactly one final reply (OPENED, PIXELS, DONE,
 * FAILED or TEST_RESULT), a cancelled one too (FAILED, CANCELLED), so
 * that the application knows what the helper still works on.
 *
 * The application trusts nothing the helper says: every reply is checked
 * (sizes, counts, seals) before it is used.
 */

#define EVIDENT_RENDER_PROTOCOL_VERSION 1

/* A message's size, header included. */
#define EVIDENT_RENDER_MAX_MESSAGE 65536

/* The longest password or text to find, in bytes. */
#define EVIDENT_RENDER_MAX_TEXT 4096

/* CPU time a helper may use in its whole life (RLIMIT_CPU); the
 * application retires a helper past half of it. */
#define EVIDENT_RENDER_CPU_LIFETIME_S 600

typedef enum
{
  /* Application → helper. Replies carry the request's number. */
  EVIDENT_RENDER_OPEN_PDF = 1,      /* fd: the bytes; EvidentRenderOpen, tail: the password → OPENED | FAILED */
  EVIDENT_RENDER_CLOSE,             /* no reply */
  EVIDENT_RENDER_RENDER_PAGE,       /* EvidentRenderPage → PIXELS | FAILED */
  EVIDENT_RENDER_FIND_TEXT,         /* EvidentRenderFind, tail: the text → MATCHES…, PROGRESS…, DONE */
  EVIDENT_RENDER_DECODE_IMAGE,      /* fd: the bytes; EvidentRenderImage → PIXELS | FAILED */
  EVIDENT_RENDER_CANCEL,            /* header.request: the request to cancel; no reply */
  EVIDENT_RENDER_TEST,              /* EvidentRenderTest → TEST_RESULT; only with --test */

  /* Helper → application. */
  EVIDENT_RENDER_HELLO = 100,       /* EvidentRenderHello, once, unasked */
  EVIDENT_RENDER_OPENED,            /* EvidentRenderOpened; fd: the page sizes */
  EVIDENT_RENDER_PIXELS,            /* EvidentRenderPixels; fd: the pixels */
  EVIDENT_RENDER_MATCHES,           /* EvidentRenderMatches, tail: the rectangles */
  EVIDENT_RENDER_PROGRESS,          /* EvidentRenderProgress: still searching */
  EVIDENT_RENDER_DONE,              /* the search went round the document */
  EVIDENT_RENDER_FAILED,            /* EvidentRenderFailed */
  EVIDENT_RENDER_TEST_RESULT,       /* EvidentRenderTestResult */
} EvidentRenderMessageType;

typedef struct
{
  guint32 type;
  guint32 request;     /* chosen by the application, echoed; 0: none */
  guint32 document;    /* chosen by the application */
  guint32 reserved;
} EvidentRenderHeader;

/* Why a request failed, as the helper says it. */
typedef enum
{
  EVIDENT_RENDER_FAILURE_EMPTY = 1,
  EVIDENT_RENDER_FAILURE_DAMAGED,
  EVIDENT_RENDER_FAILURE_NO_PAGES,
  EVIDENT_RENDER_FAILURE_NEEDS_PASSWORD,
  EVIDENT_RENDER_FAILURE_BAD_PASSWORD,
  EVIDENT_RENDER_FAILURE_NO_MEMORY,
  EVIDENT_RENDER_FAILURE_UNSUPPORTED,
  EVIDENT_RENDER_FAILURE_BAD_REQUEST,
  EVIDENT_RENDER_FAILURE_CANCELLED,     /* the application cancelled it */
} EvidentRenderFailure;

/* How pixels are laid out. */
typedef enum
{
  EVIDENT_RENDER_FORMAT_ARGB32 = 1,     /* cairo's: premultiplied, native order */
  EVIDENT_RENDER_FORMAT_RGBA = 2,       /* bytes R, G, B, A, not premultiplied */
  EVIDENT_RENDER_FORMAT_RGB = 3,        /* bytes R, G, B */
} EvidentRenderFormat;

/* What the helper runs under, for the application to check. */
typedef enum
{
  EVIDENT_RENDER_LIMIT_ADDRESS_SPACE = 1 << 0,  /* RLIMIT_AS */
  EVIDENT_RENDER_LIMIT_RSS = 1 << 1,            /* the sanitizer's RSS limit (ASan builds) */
  EVIDENT_RENDER_LIMIT_CPU = 1 << 2,            /* a CPU timer per request, RLIMIT_CPU */
  EVIDENT_RENDER_LIMIT_NO_NEW_PRIVS = 1 << 3,
} EvidentRenderLimits;

typedef enum
{
  EVIDENT_RENDER_TEST_SPIN = 1,         /* busy forever: a page that never finishes */
  EVIDENT_RENDER_TEST_WRITE_FILE,       /* tail: a path; open it for writing */
  EVIDENT_RENDER_TEST_CONNECT,          /* open a network socket */
  EVIDENT_RENDER_TEST_EXECUTE,          /* run /bin/true */
  EVIDENT_RENDER_TEST_ABORT,            /* crash */
  EVIDENT_RENDER_TEST_COUNT_RENDERED,   /* how many pages it rendered so far */
} EvidentRenderTestOp;

typedef struct
{
  guint32 version;
  guint32 seccomp;          /* the kernel's Seccomp: field, 2 = filter */
  guint32 limits;           /* EvidentRenderLimits */
  guint32 time_limit_ms;
  guint64 memory_limit;     /* bytes, 0 = none */
} EvidentRenderHello;

typedef struct
{
  guint32 has_password;     /* the tail is the password, maybe empty */
} EvidentRenderOpen;

typedef struct
{
  guint32 page;
  guint32 width;            /* device pixels */
  guint32 height;
} EvidentRenderPage;

typedef struct
{
  guint32 first_page;
} EvidentRenderFind;

typedef struct
{
  guint32 max_side;         /* pixels */
  guint32 reserved;
  guint64 max_pixels;
} EvidentRenderImage;

typedef struct
{
  guint32 n_pages;          /* the fd holds n_pages × (width, height) as doubles, in points */
  guint32 reserved;
  guint64 cpu_ms;           /* the helper's CPU time so far */
  guint64 peak_rss_kb;      /* and its peak memory */
} EvidentRenderOpened;

typedef struct
{
  guint32 width;
  guint32 height;
  guint32 stride;
  guint32 format;           /* EvidentRenderFormat */
} EvidentRenderPixels;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EvidentRenderRect;

typedef struct
{
  guint32 page;
  guint32 n_rects;          /* tail: n_rects EvidentRenderRect, in points from the top left */
} EvidentRenderMatches;

#define EVIDENT_RENDER_MAX_RECTS \
  ((EVIDENT_RENDER_MAX_MESSAGE - sizeof (EvidentRenderHeader) - sizeof (EvidentRenderMatches)) \
   / sizeof (EvidentRenderRect))

typedef struct
{
  guint32 page;             /* the page searched last */
} EvidentRenderProgress;

typedef struct
{
  guint32 failure;          /* EvidentRenderFailure */
} EvidentRenderFailed;

typedef struct
{
  guint32 op;
} EvidentRenderTest;

typedef struct
{
  gint32 result;            /* what the call returned */
  gint32 error;             /* its errno */
} EvidentRenderTestResult;

/* One message as received: the payload follows the header. */
typedef struct
{
  EvidentRenderHeader header;
  guint8              payload[EVIDENT_RENDER_MAX_MESSAGE - sizeof (EvidentRenderHeader)];
  gsize               size;      /* of the payload */
  int                 fd;        /* -1 when none came with it */
} EvidentRenderMessage;

typedef enum
{
  EVIDENT_RENDER_RECEIVED,
  EVIDENT_RENDER_WOULD_BLOCK,
  EVIDENT_RENDER_CLOSED,         /* the other end went away */
  EVIDENT_RENDER_MALFORMED,      /* truncated, too many fds, no header */
} EvidentRenderReceive;

gboolean              evident_render_send              (int                     socket,
                                                        guint32                 type,
                                                        guint32                 request,
                                                        guint32                 document,
                                                        const void             *payload,
                                                        gsize                   size,
                                                        const void             *tail,
                                                        gsize                   tail_size,
                                                        int                     fd,
                                                        int                    *error_number);
EvidentRenderReceive  evident_render_receive           (int                     socket,
                                                        gboolean                block,
                                                        EvidentRenderMessage   *message);
void                  evident_render_message_clear     (EvidentRenderMessage   *message);
gboolean              evident_render_message_is_final  (guint32                 type);
void                  evident_render_bytes_wipe        (GBytes                 *bytes);

int                   evident_render_memfd_new         (const char             *name,
                                                        gsize                   size,
                                                        void                  **data);
gboolean              evident_render_memfd_seal        (int                     fd);
int                   evident_render_memfd_from_data   (const char             *name,
                                                        const void             *data,
                                                        gsize                   size);
const void           *evident_render_memfd_map         (int                     fd,
                                                        gsize                   size);
void                  evident_render_memfd_unmap       (const void             *data,
                                                        gsize                   size);

G_END_DECLS
