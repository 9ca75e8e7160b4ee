import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ConsoleShellFeature } from './console-shell-feature';

describe('ConsoleShellFeature', () => {
  let component: ConsoleShellFeature;
  let fixture: ComponentFixture<ConsoleShellFeature>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [ConsoleShellFeature],
    }).compileComponents();

    fixture = TestBed.createComponent(ConsoleShellFeature);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
