# Convenience targets for those who have make; ./dev does the same without it.
.PHONY: demo test test-asan build bench
demo:
	./dev demo
test:
	./dev test
test-asan:
	./dev test-asan
build:
	./dev build
bench:
	./dev bench
