/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evident-render-protocol.h"

/*
 * The transport both ends share: one message per sendmsg() on a
 * SOCK_SEQPACKET socket, with at most one descriptor, and memfds sealed
 * against writing, growing and shrinking before they are passed on, so
 * that whoever maps one sees bytes that can no longer change or vanish
 * under it (no SIGBUS from a file cut short).
 */

#define SEALS (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

/**
 * evident_render_send:
 * @socket: the SOCK_SEQPACKET socket
 * @payload: (nullable): the fixed part
 * @tail: (nullable): what follows it
 * @fd: a descriptor to pass, or -1
 * @error_number: (out) (optional): errno when it fails
 *
 * Sends one message, whole or not at all; blocks while the socket's
 * buffer is full.
 *
 * Returns: whether it was sent
 */
gboolean
evident_render_send (int         socket,
                     guint32     type,
                     guint32     request,
                     guint32     document,
                     const void *payload,
                     gsize       size,
                     const void *tail,
                     gsize       tail_size,
                     int         fd,
                     int        *error_number)
{
  EvidentRenderHeader header = { type, request, document, 0 };
  struct iovec iov[3] = {
    { &header, sizeof header },
    { (void *) payload, size },
    { (void *) tail, tail_size },
  };
  union
  {
    char           buffer[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr msg = { 0 };
  ssize_t sent;

  if (sizeof header + size + tail_size > EVIDENT_RENDER_MAX_MESSAGE)
    {
      if (error_number != NULL)
        *error_number = EMSGSIZE;
      return FALSE;
    }

  msg.msg_iov = iov;
  msg.msg_iovlen = G_N_ELEMENTS (iov);

  if (fd >= 0)
    {
      struct cmsghdr *cmsg;

      memset (&control, 0, sizeof control);
      msg.msg_control = control.buffer;
      msg.msg_controllen = sizeof control.buffer;
      cmsg = CMSG_FIRSTHDR (&msg);
      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cmsg), &fd, sizeof (int));
    }

  do
    sent = sendmsg (socket, &msg, MSG_NOSIGNAL);
  while (sent < 0 && errno == EINTR);

  if (sent < 0)
    {
      if (error_number != NULL)
        *error_number = errno;
      return FALSE;
    }

  return TRUE;
}

/**
 * evident_render_receive:
 * @block: whether to wait for a message
 * @message: where it goes; its fd, if any, is the caller's to close
 *
 * Receives one message. A truncated message, one without a header or one
 * with more than one descriptor is %EVIDENT_RENDER_MALFORMED, and any
 * descriptors that came with it are closed.
 */
EvidentRenderReceive
evident_render_receive (int                   socket,
                        gboolean              block,
                        EvidentRenderMessage *message)
{
  struct iovec iov[2] = {
    { &message->header, sizeof message->header },
    { message->payload, sizeof message->payload },
  };
  union
  {
    char           buffer[CMSG_SPACE (sizeof (int) * 4)];
    struct cmsghdr align;
  } control;
  struct msghdr msg = { 0 };
  guint n_fds = 0;
  ssize_t received;

  message->fd = -1;
  message->size = 0;

  msg.msg_iov = iov;
  msg.msg_iovlen = G_N_ELEMENTS (iov);
  msg.msg_control = control.buffer;
  msg.msg_controllen = sizeof control.buffer;

  do
    received = recvmsg (socket, &msg, MSG_CMSG_CLOEXEC | (block ? 0 : MSG_DONTWAIT));
  while (received < 0 && errno == EINTR);

  if (received < 0)
    return errno == EAGAIN || errno == EWOULDBLOCK ? EVIDENT_RENDER_WOULD_BLOCK
                                                   : EVIDENT_RENDER_CLOSED;
  if (received == 0)
    return EVIDENT_RENDER_CLOSED;

  for (struct cmsghdr *cmsg = CMSG_FIRSTHDR (&msg); cmsg != NULL; cmsg = CMSG_NXTHDR (&msg, cmsg))
    {
      if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
        continue;

      for (gsize i = 0; i < (cmsg->cmsg_len - CMSG_LEN (0)) / sizeof (int); i++)
        {
          int fd;

          memcpy (&fd, CMSG_DATA (cmsg) + i * sizeof (int), sizeof (int));
          if (n_fds++ == 0)
            message->fd = fd;
          else
            close (fd);
        }
    }

  if (n_fds > 1 || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) != 0
      || (gsize) received < sizeof message->header)
    {
      evident_render_message_clear (message);
      return EVIDENT_RENDER_MALFORMED;
    }

  message->size = received - sizeof message->header;
  return EVIDENT_RENDER_RECEIVED;
}

/* Closes the message's descriptor unless it was taken. */
void
evident_render_message_clear (EvidentRenderMessage *message)
{
  if (message->fd >= 0)
    close (message->fd);
  message->fd = -1;
}

/**
 * evident_render_memfd_new:
 * @size: its size
 * @data: (out): a writable shared mapping of it, for evident_render_memfd_unmap()
 *
 * Returns: a new memfd that can be sealed, or -1 with errno set
 */
int
evident_render_memfd_new (const char  *name,
                          gsize        size,
                          void       **data)
{
  int fd = memfd_create (name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
  void *map;

  *data = NULL;
  if (fd < 0)
    return -1;

  if (ftruncate (fd, size) < 0)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return -1;
    }

  map = size > 0 ? mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : NULL;
  if (map == MAP_FAILED)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return -1;
    }

  *data = map;
  return fd;
}

/* Seals @fd: no more writing, growing or shrinking. Every writable
 * mapping of it must be gone. */
gboolean
evident_render_memfd_seal (int fd)
{
  return fcntl (fd, F_ADD_SEALS, SEALS | F_SEAL_SEAL) == 0;
}

/* Returns: a sealed memfd holding a copy of @data, or -1 with errno set */
int
evident_render_memfd_from_data (const char *name,
                                const void *data,
                                gsize       size)
{
  int fd = memfd_create (name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
  gsize written = 0;

  if (fd < 0)
    return -1;

  /* Written, not mapped: sealing fails with EBUSY while any writable
   * mapping lasts, and a process forked meanwhile by another thread keeps
   * one of its own until it execs. */
  while (written < size)
    {
      gssize n = write (fd, (const char *) data + written, MIN (size - written, G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;

          close (fd);
          errno = saved;
          return -1;
        }
      written += n;
    }

  if (!evident_render_memfd_seal (fd))
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return -1;
    }

  return fd;
}

/**
 * evident_render_memfd_map:
 * @fd: a memfd from the other end
 * @size: how much of it to map, not 0
 *
 * Maps the first @size bytes of @fd read-only, after checking that it is
 * sealed against writing, growing and shrinking and holds that much.
 *
 * Returns: (nullable): the mapping, for evident_render_memfd_unmap(), or
 *   %NULL when @fd is not such a file
 */
const void *
evident_render_memfd_map (int   fd,
                          gsize size)
{
  struct stat st;
  int seals;
  void *map;

  if (size == 0)
    return NULL;

  seals = fcntl (fd, F_GET_SEALS);
  if (seals < 0 || (seals & SEALS) != SEALS)
    return NULL;

  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode) || st.st_size < 0 || (guint64) st.st_size < size)
    return NULL;

  map = mmap (NULL, size, PROT_READ, MAP_SHARED, fd, 0);
  return map != MAP_FAILED ? map : NULL;
}

void
evident_render_memfd_unmap (const void *data,
                            gsize       size)
{
  if (data != NULL && size > 0)
    munmap ((void *) data, size);
}

/* Whether @type is a request's last reply. */
gboolean
evident_render_message_is_final (guint32 type)
{
  return type == EVIDENT_RENDER_OPENED || type == EVIDENT_RENDER_PIXELS
         || type == EVIDENT_RENDER_DONE || type == EVIDENT_RENDER_FAILED
         || type == EVIDENT_RENDER_TEST_RESULT;
}

/* Wipes what @bytes holds (it may be a password), then lets go of it. The
 * caller owns the only reference. */
void
evident_render_bytes_wipe (GBytes *bytes)
{
  gsize size;
  gpointer data = (gpointer) g_bytes_get_data (bytes, &size);

  if (data != NULL && size > 0)
    explicit_bzero (data, size);
  g_bytes_unref (bytes);
}
