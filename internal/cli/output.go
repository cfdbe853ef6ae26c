package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// WriteFile writes data to the file name, all or nothing, as the commands'
// -o flag does:
//
//   - a regular file, or a new one, is replaced all at once: data goes to a
//     temporary file beside it, which is renamed into place, so that the
//     file is never left half-written. A replaced file keeps its permission
//     bits; a new file has 0644 less the umask;
//   - a symbolic link is written through: its target is replaced as above,
//     and the link stays a link;
//   - anything else that exists and is not a directory (a device such as
//     /dev/stdout, a named pipe) is opened and written directly;
//   - a directory is an error.
//
// On any error, the temporary file is removed.
func WriteFile(name string, data []byte) error {
	fi, err := os.Stat(name) // through any symbolic links
	switch {
	case errors.Is(err, os.ErrNotExist):
		if li, lerr := os.Lstat(name); lerr == nil && li.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("it is a symbolic link to a file that does not exist")
		}
		return replace(name, data, 0, false)
	case err != nil:
		return err
	case fi.IsDir():
		return fmt.Errorf("it is a directory: name a file")
	case !fi.Mode().IsRegular():
		return writeDirectly(name, data)
	}
	target := name
	if li, err := os.Lstat(name); err != nil {
		return err
	} else if li.Mode()&os.ModeSymlink != 0 {
		target, err = filepath.EvalSymlinks(name)
		if err != nil || !SameFile(fi, target) {
			// A link that names no path to the file it leads to, such as
			// /dev/stdout to a deleted file through /proc/self/fd/1:
			// there is nothing to put a file in place of.
			return writeDirectly(name, data)
		}
	}
	return replace(target, data, fi.Mode().Perm(), true)
}

// replace writes data to a new file beside name and renames it into place.
// Where name exists, the new file gets its permission bits perm; otherwise
// it is created 0644, which the system masks with the umask.
func replace(name string, data []byte, perm os.FileMode, exists bool) error {
	create := os.FileMode(0o644)
	if exists {
		// Nobody else may read it before it has the old file's bits.
		create = 0o600
	}
	tmp, err := createBeside(name, create)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if exists {
		if err := tmp.Chmod(perm); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	renamed = true
	return nil
}

// createBeside creates a new file, with mode perm less the umask, in the
// directory of name, named after it: ".name.123456789.tmp".
func createBeside(name string, perm os.FileMode) (*os.File, error) {
	dir, base := filepath.Split(name)
	for range 100 {
		tmp := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file beside %s", name)
}

// writeDirectly writes data to a file that is not a regular one (a device,
// a named pipe), which cannot be replaced.
func writeDirectly(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// SameFile reports whether name is the file fi describes (by identity, so
// another path, a hard link or a symbolic link to it is the same file).
func SameFile(fi os.FileInfo, name string) bool {
	o, err := os.Stat(name)
	return err == nil && os.SameFile(fi, o)
}
