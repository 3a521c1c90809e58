//go:build !linux

package gctune

func preferHugePages() {}
