/// The viewer's allocator: Talc, which is smaller than the default
/// (dlmalloc) in wasm, by about 3.4 kB gzipped, and no slower (decision
/// 135). The workstation keeps dlmalloc: with Talc its batch workers held
/// more memory at 10,000 reports.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    nianbao_app::start();
}
