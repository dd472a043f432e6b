//go:build !wasm

package main

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
)

// writeIcons draws the PNG app icons (192 and 512 px) the web manifest
// needs; they are drawn here so no binary file lives in the repository.
// The picture matches web/icon.svg: three rising bars on a blue tile.
func writeIcons(dir string) error {
	for _, size := range []int{192, 512} {
		f, err := os.Create(filepath.Join(dir, "icon-"+strconv.Itoa(size)+".png"))
		if err != nil {
			return err
		}
		if err := png.Encode(f, drawIcon(size)); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// drawIcon renders the icon on a 64-unit grid scaled to size pixels.
func drawIcon(size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	bg := color.RGBA{0x1f, 0x5f, 0xbf, 0xff}
	fg := color.RGBA{0xff, 0xff, 0xff, 0xff}
	unit := float64(size) / 64
	// bars in grid units: x0, y0, x1, y1 (same as icon.svg)
	bars := [][4]float64{{14, 38, 22, 50}, {28, 28, 36, 50}, {42, 16, 50, 50}}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			gx, gy := float64(x)/unit, float64(y)/unit
			c := bg
			for _, b := range bars {
				if gx >= b[0] && gx < b[2] && gy >= b[1] && gy < b[3] {
					c = fg
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}
