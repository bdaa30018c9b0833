if __name__ == "__main__":  # workers import the main module again; they must not scan
    from analyzer.entry import run

    run()
