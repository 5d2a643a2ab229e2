import RivuletCLI
